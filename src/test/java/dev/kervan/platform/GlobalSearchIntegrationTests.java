package dev.kervan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Person;
import dev.kervan.support.Browserless;
import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The search box in the top bar: accounts, contacts, leads, opportunities, products and serial numbers, grouped by
 * kind, each only for whom the module's rules show it to.
 */
class GlobalSearchIntegrationTests extends KervanIntegrationTest {

	private String admin;

	@BeforeEach
	void logIn() {
		admin = api.token("admin", ADMIN_PASSWORD);
	}

	@Test
	void everyKindIsFoundAndListedInAGroupOfItsOwn() {
		String marker = word();
		long account = account("Kervan " + marker + " Ticaret");
		long withContact = account("Başka Şirket " + word());
		post("/api/v1/customers/" + withContact + "/contacts", Map.of("name", "Ayşe " + marker));
		long lead = post("/api/v1/leads", Map.of("title", "Fuar adayı " + marker, "companyName", "Aday A.Ş."));
		long opportunity = post("/api/v1/opportunities", Map.of("title", "Forklift " + marker));
		long product = post("/api/v1/products", Map.of("code", Api.uniqueName("P"), "name", "Ürün " + marker, "tracking", "SERIAL",
				"salePrice", "100"));
		long warehouse = post("/api/v1/warehouses", Map.of("code", Api.uniqueName("W").substring(0, 8), "name", "Depo " + marker));
		String serial = marker.toUpperCase(java.util.Locale.ROOT) + "-SN1";
		post("/api/v1/stock-moves", Map.of("type", "RECEIPT", "warehouseId", warehouse, "lines",
				List.of(Map.of("productId", product, "quantity", "1", "serials", List.of(serial)))));

		String page = adminPages().get("/search?q=" + marker).body();

		assertThat(groups(page)).containsSubsequence("search.kind.customer", "search.kind.contact", "search.kind.opportunity",
				"search.kind.lead", "search.kind.product", "search.kind.serial");
		assertThat(group(page, "search.kind.customer")).contains("/customers/" + account + "\"").doesNotContain("/customers/" + withContact);
		assertThat(group(page, "search.kind.contact")).contains("Ayşe " + marker, "/customers/" + withContact + "?tab=contacts");
		assertThat(group(page, "search.kind.lead")).contains("/pipeline/leads/" + lead + "\"");
		assertThat(group(page, "search.kind.opportunity")).contains("/pipeline/opportunities/" + opportunity + "\"");
		assertThat(group(page, "search.kind.product")).contains("/products/" + product + "\"");
		assertThat(group(page, "search.kind.serial")).contains(serial, "productId=" + product);
		// The serial as it is typed, in small letters.
		assertThat(group(adminPages().get("/search?q=" + serial.toLowerCase(java.util.Locale.ROOT)).body(), "search.kind.serial"))
			.contains(serial);
	}

	@Test
	void aSalespersonFindsOnlyTheLeadsAndOpportunitiesThePipelineShowsThem() {
		String marker = word();
		Person seller = api.createPerson(admin, "Satıcı " + marker, "en", "SALESPERSON");
		Person other = api.createPerson(admin, "Diğer " + marker, "en", "SALESPERSON");
		long team = post("/api/v1/sales-teams", Map.of("name", Api.uniqueName("Team"), "memberIds", List.of(other.id())));
		post("/api/v1/pipeline-stages", Map.of("teamId", team, "name", "New", "probability", 10, "won", false));
		long hidden = post("/api/v1/opportunities", Map.of("title", "Gizli " + marker, "teamId", team, "salespersonId", other.id()));
		long hiddenLead = post("/api/v1/leads", Map.of("title", "Gizli aday " + marker, "teamId", team, "salespersonId", other.id()));
		long mine = post("/api/v1/opportunities", Map.of("title", "Benim " + marker, "teamId", team, "salespersonId", seller.id()));

		String sellers = pagesOf(seller).get("/search?q=" + marker).body();
		assertThat(sellers).contains("/pipeline/opportunities/" + mine + "\"")
			.doesNotContain("/pipeline/opportunities/" + hidden + "\"", "/pipeline/leads/" + hiddenLead + "\"");
		String others = pagesOf(other).get("/search?q=" + marker).body();
		assertThat(others).contains("/pipeline/opportunities/" + hidden + "\"", "/pipeline/leads/" + hiddenLead + "\"");

		// Staff outside sales find no pipeline at all; marketing finds every lead and no opportunity.
		Person warehouse = api.createPerson(admin, "Depocu " + marker, "en", "WAREHOUSE");
		assertThat(pagesOf(warehouse).get("/search?q=" + marker).body()).doesNotContain("/pipeline/");
		Person marketing = api.createPerson(admin, "Pazarlama " + marker, "en", "MARKETING");
		assertThat(pagesOf(marketing).get("/search?q=" + marker).body()).contains("/pipeline/leads/" + hiddenLead + "\"")
			.doesNotContain("/pipeline/opportunities/");
	}

	@Test
	void anAccountIsFoundByTheCityOfItsAddress() {
		String city = "Şehir" + word();
		long account = account("Adres Sahibi " + word());
		long elsewhere = account("Başka Yer " + word());
		post("/api/v1/customers/" + account + "/addresses", Map.of("purpose", "DELIVERY", "line1", "Organize Sanayi 3. Cad.",
				"city", city));

		assertThat(searchAccounts(city.toUpperCase(java.util.Locale.forLanguageTag("tr")))).containsExactly(account);
		assertThat(group(adminPages().get("/search?q=" + encode("sehir" + city.substring(5))).body(), "search.kind.customer"))
			.contains("/customers/" + account + "\"").doesNotContain("/customers/" + elsewhere + "\"");
	}

	@Test
	void anAccountsOwnNameRanksAboveAnAccountFoundThroughAContact() {
		String marker = word();
		// By name alone the contact's account would come first: "Ak…" sorts before "Zu…" (words of two letters, which
		// the dictionary of misspellings leaves out).
		long byContact = account("Ak Lojistik " + word());
		post("/api/v1/customers/" + byContact + "/contacts", Map.of("name", "Mehmet " + marker));
		long byName = account("Zu " + marker + " Makina");

		assertThat(searchAccounts(marker)).containsExactly(byName, byContact);
		String page = adminPages().get("/search?q=" + marker).body();
		assertThat(groups(page)).containsSubsequence("search.kind.customer", "search.kind.contact");
		assertThat(group(page, "search.kind.customer")).contains("/customers/" + byName + "\"");
		// The contact's line names the account it belongs to.
		assertThat(group(page, "search.kind.contact")).contains("Mehmet " + marker, "Ak Lojistik");
	}

	@Test
	void aProductIsFoundByItsWordsInAnyOrder() {
		String code = Api.uniqueName("AB-");
		long product = post("/api/v1/products", Map.of("code", code, "name", "Işıklı pano " + word(), "salePrice", "10"));

		assertThat(searchProducts("ışıklı " + code)).contains(product);
		assertThat(searchProducts(code + " ışıklı")).contains(product);
		assertThat(searchProducts("pano ışıklı " + code.toLowerCase(java.util.Locale.ROOT))).contains(product);
		assertThat(searchProducts("karanlık " + code)).doesNotContain(product);
	}

	@Test
	void anAccountIsNotFoundByItsExternalReference() {
		String reference = "ERP" + System.nanoTime();
		long account = post("/api/v1/customers", Map.of("kind", "COMPANY", "name", "Dış Sistem " + word(), "externalRef", reference));

		assertThat(searchAccounts(reference)).doesNotContain(account);
		assertThat(adminPages().get("/search?q=" + reference).body()).doesNotContain("/customers/" + account + "\"");
		assertThat(jdbc.sql("select search_text from customer where id = ?").param(account).query(String.class).single())
			.doesNotContain(reference.toLowerCase(java.util.Locale.ROOT));
	}

	// --- helpers --------------------------------------------------------------------------------------------------

	private static String word() {
		return Api.uniqueName("w");
	}

	private long account(String name) {
		return post("/api/v1/customers", Map.of("kind", "COMPANY", "name", name));
	}

	private long post(String path, Map<String, Object> body) {
		var response = api.post(path, body).bearer(admin).send();
		assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	private Browserless adminPages() {
		return new Browserless(api.base()).loggedInAs("admin", ADMIN_PASSWORD);
	}

	private Browserless pagesOf(Person person) {
		return new Browserless(api.base()).loggedInAs(person.username(), Api.PASSWORD);
	}

	private List<Long> searchAccounts(String q) {
		return ids(api.get("/api/v1/customers?q=" + encode(q)).bearer(admin).send().json());
	}

	private List<Long> searchProducts(String q) {
		return ids(api.get("/api/v1/products?q=" + encode(q)).bearer(admin).send().json());
	}

	private static List<Long> ids(JsonNode page) {
		var ids = new ArrayList<Long>();
		page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
		return ids;
	}

	/** The kinds of the groups on a search page, in their order. */
	private static List<String> groups(String page) {
		var kinds = new ArrayList<String>();
		var matcher = java.util.regex.Pattern.compile("data-kind=\"([^\"]+)\"").matcher(page);
		while (matcher.find()) {
			kinds.add(matcher.group(1));
		}
		return kinds;
	}

	/** The markup of one group of a search page, empty when the page has none. */
	private static String group(String page, String kind) {
		int start = page.indexOf("data-kind=\"" + kind + "\"");
		if (start < 0) {
			return "";
		}
		int end = page.indexOf("</section>", start);
		return page.substring(start, end);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}
}
