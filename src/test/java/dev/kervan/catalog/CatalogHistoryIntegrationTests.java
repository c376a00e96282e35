package dev.kervan.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Person;
import dev.kervan.support.Api.Response;
import dev.kervan.support.Browserless;
import dev.kervan.support.HistoryFeed;
import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The histories of products and price lists read in words in the reader's language: a sale price, a name by language,
 * a tracking choice, a unit and a category by their names, the accounts a price list is for by theirs.
 */
class CatalogHistoryIntegrationTests extends KervanIntegrationTest {

	private String admin;
	private long product;
	private long priceList;
	private String category;
	private String account;

	@BeforeEach
	void aSalesManagerChangesAProductAndAPriceList() {
		admin = api.token("admin", ADMIN_PASSWORD);
		Person ayse = api.createPerson(admin, "Ayşe Demir", "tr", "SALES_MANAGER");
		String token = api.token(ayse.username(), Api.PASSWORD);
		category = "İçecek " + Api.uniqueName("");
		long categoryId = created(api.post("/api/v1/product-categories", Map.of("name", category)).bearer(admin).send());
		product = created(api.post("/api/v1/products", Map.of("code", Api.uniqueName("CAY"), "name", "Tea", "names",
				Map.of("tr", "Çay", "fa", "چای"), "unit", "KG", "categoryId", categoryId, "salePrice", "100", "currency", "TRY",
				"tracking", "NONE")).bearer(token).send());
		ok(api.patch("/api/v1/products/" + product, Map.of("names", Map.of("tr", "Çay", "fa", "چای سبز"), "salePrice", "120.50",
				"tracking", "LOT", "version", 0)).bearer(token).send());
		account = "Trakya Gıda " + Api.uniqueName("");
		long customer = created(api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", account, "roles",
				List.of("CUSTOMER"), "country", "TR")).bearer(admin).send());
		priceList = created(api.post("/api/v1/price-lists", Map.of("name", "Bayi " + Api.uniqueName(""), "currency", "TRY"))
			.bearer(admin).send());
		ok(api.patch("/api/v1/price-lists/" + priceList, Map.of("customerIds", List.of(customer), "validTo", "2031-12-31",
				"version", 0)).bearer(token).send());
	}

	@Test
	void aProductsHistoryReadsInWordsWithNamesInEnglish() {
		HistoryFeed history = historyFor("en", "/products/" + product);
		assertThat(history.lines()).contains("Ayşe Demir changed Name (Persian) from چای to چای سبز",
				"Ayşe Demir changed Sale price from TRY 100.00 to TRY 120.50",
				"Ayşe Demir changed Tracking from Counted only to Lots with expiry", "Ayşe Demir created the product");
		assertThat(history.details()).contains("Category: " + category, "Name (Turkish): Çay", "Name (Persian): چای",
				"Unit: Kilogram", "Tracking: Counted only");
	}

	@Test
	void aProductsHistoryReadsInWordsWithNamesInTurkish() {
		HistoryFeed history = historyFor("tr", "/products/" + product);
		assertThat(history.lines()).contains("Ayşe Demir, Ad (Farsça) alanını چای yerine چای سبز olarak değiştirdi",
				"Ayşe Demir, Satış fiyatı alanını ₺100,00 yerine ₺120,50 olarak değiştirdi");
	}

	@Test
	void aProductsHistoryReadsInWordsWithNamesInPersian() {
		HistoryFeed history = historyFor("fa", "/products/" + product);
		assertThat(history.lines()).contains("Ayşe Demir نام (فارسی) را از چای به چای سبز تغییر داد");
	}

	@Test
	void aPriceListsHistoryNamesTheAccountsItIsFor() {
		for (String language : List.of("en", "tr", "fa")) {
			HistoryFeed history = historyFor(language, "/price-lists/" + priceList);
			assertThat(history.values()).contains(account);
		}
		assertThat(historyFor("en", "/price-lists/" + priceList).lines()).contains("Ayşe Demir set Accounts to " + account);
	}

	private HistoryFeed historyFor(String language, String path) {
		Person reader = api.createPerson(admin, "Reader " + language, language, "SALES_MANAGER");
		Response page = new Browserless(api.base()).loggedInAs(reader.username(), Api.PASSWORD).get(path);
		assertThat(page.status()).isEqualTo(200);
		return HistoryFeed.of(page.body());
	}

	private static long created(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	private static void ok(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}
}
