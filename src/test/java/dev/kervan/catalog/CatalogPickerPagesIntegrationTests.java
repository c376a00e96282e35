package dev.kervan.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.Browserless;
import dev.kervan.support.PageIntegrationTest;
import org.junit.jupiter.api.Test;

/** The catalog's pages choose accounts and products by name: price checks, suppliers, links, whom a price list is for. */
class CatalogPickerPagesIntegrationTests extends PageIntegrationTest {

	@Test
	void aPriceCheckShowsTheAccountItWasAskedForByItsName() {
		String name = Api.uniqueName("Fiyat Müşterisi ");
		long account = account(name, "CUSTOMER");
		long product = product(Api.uniqueName("PRC"));
		long list = priceList(Api.uniqueName("Kontrol"));

		String productPage = browser.get("/products/" + product + "?customerId=" + account + "&quantity=2").body();
		String listPage = browser.get("/price-lists/" + list + "?customerId=" + account + "&product=" + code(product)).body();

		for (String page : List.of(productPage, listPage)) {
			assertThat(page).containsPattern("id=\"f-customerId\" name=\"customerId-text\"\\s+value=\"" + name + "\"")
				.contains("name=\"customerId\" value=\"" + account + "\"", "data-picker-source=\"/pick/accounts\"");
		}
		assertThat(listPage).doesNotContain("type=\"number\"");
		assertThat(productPage).contains("id=\"product-quote\"");
	}

	@Test
	void aPriceCheckWhoseAccountWasTypedButNotChosenSaysSoAndQuotesNothing() {
		long product = product(Api.uniqueName("PRC"));

		String page = browser.get("/products/" + product + "?customerId=&customerId-text=Trak&quantity=1").body();

		assertThat(page).contains("&quot;Trak&quot; chose no record", "value=\"Trak\"").doesNotContain("id=\"product-quote\"");
	}

	@Test
	void aSupplierChosenWithThePickerIsKeptAndANameTypedWithoutChoosingIsRefusedKeepingNothing() {
		String name = Api.uniqueName("Tedarikçi ");
		long supplier = account(name, "SUPPLIER");
		long product = product(Api.uniqueName("SUP"));
		String page = "/products/" + product;

		Response refused = browser.submit(page, page + "/suppliers", Map.of("supplierId", "", "supplierId-text", "Teda",
				"price", "10", "currency", "TRY"));
		assertThat(refused.status()).isEqualTo(302);
		assertThat(browser.get(page).body()).contains("id=\"product-problem\"", "&quot;Teda&quot; chose no record")
			.doesNotContain(">" + name + "<");

		browser.submit(page, page + "/suppliers", Map.of("supplierId", String.valueOf(supplier), "supplierId-text", name,
				"price", "-10", "currency", "TRY"));
		assertThat(browser.get(page).body()).as("a refused field is named by its label, never by its internal name")
			.contains("id=\"product-problem\"", "Price: ").doesNotContain("price:");

		Response saved = browser.submit(page, page + "/suppliers", Map.of("supplierId", String.valueOf(supplier),
				"supplierId-text", name, "price", "10", "currency", "TRY"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(browser.get(page).body()).contains("id=\"product-message\"", ">" + name + "<",
				"data-picker-source=\"/pick/accounts?role=SUPPLIER\"");
	}

	@Test
	void whomAPriceListIsForIsChosenByNameAndShownByNameToThoseWhoMayNotChangeIt() {
		String first = Api.uniqueName("Bayi Bir ");
		String second = Api.uniqueName("Bayi İki ");
		long one = account(first, "CUSTOMER");
		long two = account(second, "CUSTOMER");
		String className = Api.uniqueName("Toptancı ");
		long dealers = api.post("/api/v1/customer-classes", Map.of("name", className)).bearer(admin).send().json().get("id").asLong();
		long list = priceList(Api.uniqueName("Bayiler"));
		String page = "/price-lists/" + list;

		Response saved = browser.submitAll(page, page + "/assign", List.of(Map.entry("version", "0"),
				Map.entry("customerIds", String.valueOf(one)), Map.entry("customerIds", String.valueOf(two)),
				Map.entry("customerClassIds", String.valueOf(dealers)), Map.entry("active", "true")));

		assertThat(saved.status()).isEqualTo(302);
		var stored = api.get("/api/v1/price-lists/" + list).bearer(admin).send().json();
		assertThat(stored.get("customerIds").toString()).isEqualTo("[" + one + "," + two + "]");
		assertThat(stored.get("customerClassIds").toString()).isEqualTo("[" + dealers + "]");
		assertThat(browser.get(page).body()).contains("id=\"f-customerIds-chosen\"", "name=\"customerIds\" value=\"" + one + "\"",
				"<bdi>" + first + "</bdi>", "<bdi>" + second + "</bdi>", "value=\"" + dealers + "\" checked=\"checked\"", className)
			.doesNotContain("type=\"number\"");

		String seller = Api.uniqueName("seller");
		api.createUser(admin, seller, "en", "SALESPERSON");
		String readOnly = new Browserless(api.base()).loggedInAs(seller, Api.PASSWORD).get(page).body();
		assertThat(readOnly).contains("id=\"price-list-audience\"", "<bdi>" + first + "</bdi>", "<bdi>" + className + "</bdi>")
			.doesNotContain("id=\"assign-form\"");
	}

	@Test
	void aPriceListsRuleNamesItsCategoryByItsPath() {
		String name = Api.uniqueName("Küçük Ev Aletleri ");
		long category = api.post("/api/v1/product-categories", Map.of("name", name)).bearer(admin).send().json().get("id").asLong();
		long list = api.post("/api/v1/price-lists", Map.of("name", Api.uniqueName("Kategori"), "currency", "TRY", "rules",
				List.of(Map.of("categoryId", category, "type", "PERCENT_OFF", "value", "5")))).bearer(admin).send().json().get("id")
			.asLong();

		assertThat(browser.get("/price-lists/" + list).body()).contains("Category " + name).doesNotContain("#" + category);
	}

	private long account(String name, String role) {
		Response created = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", name, "roles", List.of(role),
				"country", "TR")).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private long product(String code) {
		Response created = api.post("/api/v1/products", Map.of("code", code, "name", "Kontrol ürünü", "salePrice", "100"))
			.bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private String code(long product) {
		return api.get("/api/v1/products/" + product).bearer(admin).send().json().get("code").asString();
	}

	private long priceList(String name) {
		Response created = api.post("/api/v1/price-lists", Map.of("name", name, "currency", "TRY")).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}
}
