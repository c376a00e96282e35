package dev.kervan.customers;

import static dev.kervan.customers.CustomerApiIntegrationTests.company;
import static dev.kervan.customers.CustomerApiIntegrationTests.taxNumber;
import static dev.kervan.customers.CustomerApiIntegrationTests.uniqueWord;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.Browserless;
import dev.kervan.support.HistoryFeed;
import dev.kervan.support.Multipart;
import dev.kervan.support.PageIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CustomerPagesIntegrationTests extends PageIntegrationTest {

	@Test
	void theListSearchesFiltersAndAnswersItsFragmentToHtmx() {
		String marker = uniqueWord();
		api.post("/api/v1/customers", company("Liste " + marker + " Gıda", taxNumber())).bearer(admin).send();
		Response page = browser.get("/customers?q=" + URLEncoder.encode("liste " + marker + " gida", StandardCharsets.UTF_8));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Liste " + marker + " Gıda", "id=\"customer-list\"", "id=\"export-xlsx\"");
		Response everything = browser.get("/customers?status=PASSIVE&role=SUPPLIER&sort=newest&kind=PERSON");
		assertThat(everything.status()).isEqualTo(200);

		Response fragment = browser.getFragment("/customers?q=" + marker + "&status=ACTIVE", "customer-list");
		assertThat(fragment.status()).isEqualTo(200);
		assertThat(fragment.body()).startsWith("<section id=\"customer-list\"").contains("Liste " + marker + " Gıda")
			.doesNotContain("<html", "kervan-filters");
		assertThat(browser.getFragment("/customers?q=" + marker, "somewhere-else").body()).contains("<html");
	}

	@Test
	void anAccountIsCreatedThroughTheFormWithErrorsShownBesideTheFields() {
		Response blank = browser.get("/customers/new?name=" + URLEncoder.encode("Yeni Şirket", StandardCharsets.UTF_8));
		assertThat(blank.body()).contains("value=\"Yeni Şirket\"");
		Response refused = browser.submit("/customers/new", "/customers", Map.of("kind", "COMPANY", "name", "Bad " + uniqueWord(),
				"roles", "CUSTOMER", "status", "ACTIVE", "country", "TR", "email", "nope", "phone", "12", "language", "tr",
				"currency", "TRY"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("f-email-error", "This is not an email address.", "f-phone-error");

		String name = "Form " + uniqueWord();
		Response created = browser.submit("/customers/new", "/customers", Map.of("kind", "COMPANY", "name", name, "roles",
				"CUSTOMER", "status", "ACTIVE", "country", "TR", "phone", "0216 444 00 11", "tags", "kampanya, vip",
				"language", "tr", "currency", "TRY"));
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		String location = created.header("Location").orElseThrow().replace(api.base(), "");
		Response page = browser.get(location);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(name, "+90 216 444 00 11", "kampanya", "tab-contacts", "tab-history");
	}

	@Test
	void partsAreAddedFromTheAccountPageAndRefusalsShown() {
		long id = api.post("/api/v1/customers", company("Parts page " + uniqueWord(), taxNumber())).bearer(admin).send().json()
			.get("id").asLong();
		String page = "/customers/" + id;
		assertThat(browser.submit(page, page + "/parts/contacts", Map.of("name", "Gül Doğan", "phone", "0532 999 88 77"))
			.status()).isEqualTo(302);
		assertThat(browser.submit(page, page + "/parts/branches", Map.of("name", "İzmir şubesi", "city", "İzmir")).status())
			.isEqualTo(302);
		Response refusedCard = browser.submit(page, page + "/parts/payment-cards",
				Map.of("last4", "4111111111111111", "expiry", "12/30"));
		assertThat(refusedCard.header("Location").orElseThrow()).contains("tab=bank");
		Response shown = browser.get(page + "?tab=bank");
		assertThat(shown.body()).contains("The last four digits of the card.").doesNotContain("4111111111111111");
		Response contacts = browser.get(page + "?tab=contacts");
		assertThat(contacts.body()).contains("Gül Doğan", "+90 532 999 88 77", "İzmir şubesi");
		assertThat(browser.submit(page, page + "/parts/notes", Map.of("text", "Arandı, teklif istedi.")).status()).isEqualTo(302);
		assertThat(browser.get(page + "?tab=notes").body()).contains("Arandı, teklif istedi.");
		assertThat(HistoryFeed.of(browser.get(page + "?tab=history").body()).lines()).contains(
				"Administrator added the branch İzmir şubesi", "Administrator added the contact Gül Doğan");
	}

	@Test
	void aContactIsChangedOnAFormOfItsOwnWithRefusalsBesideTheFieldsAndStaleSavesRefused() {
		long id = api.post("/api/v1/customers", company("Part form " + uniqueWord(), taxNumber())).bearer(admin).send().json()
			.get("id").asLong();
		JsonNode contact = api.post("/api/v1/customers/" + id + "/contacts", Map.of("name", "Gül Doğan", "email",
				"gul@example.com", "portalAccess", true)).bearer(admin).send().json();
		String page = "/customers/" + id;
		String form = page + "/parts/contacts/" + contact.get("id").asLong() + "/edit";
		String action = page + "/parts/contacts/" + contact.get("id").asLong();
		assertThat(browser.get(page + "?tab=contacts").body()).contains(form, "hx-confirm=");
		assertThat(browser.get(form).body()).contains("value=\"gul@example.com\"", "id=\"f-mobile\"", "id=\"f-language\"");

		Response refused = browser.submit(form, action, Map.of("version", contact.get("version").asString(), "name",
				"Gül Doğan", "email", "not an address"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("f-email-error", "value=\"not an address\"");

		Response saved = browser.submit(form, action, Map.of("version", contact.get("version").asString(), "name",
				"Gül Doğan Yıldız", "email", "gul@example.com", "mobile", "0532 111 22 33", "language", "tr"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.header("Location").orElseThrow()).contains("tab=contacts");
		JsonNode now = api.get("/api/v1/customers/" + id + "/contacts/" + contact.get("id").asLong()).bearer(admin).send().json();
		assertThat(now.get("name").asString()).isEqualTo("Gül Doğan Yıldız");
		assertThat(now.get("language").asString()).isEqualTo("tr");
		assertThat(now.get("mobile").asString()).isEqualTo("+905321112233");
		assertThat(now.get("portalAccess").asBoolean()).as("an unticked box on the form means no").isFalse();

		Response stale = browser.submit(form, action, Map.of("version", contact.get("version").asString(), "name", "Stale"));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(api.get("/api/v1/customers/" + id + "/contacts/" + contact.get("id").asLong()).bearer(admin).send().json()
			.get("name").asString()).isEqualTo("Gül Doğan Yıldız");

		String warehouse = Api.uniqueName("wh");
		api.createUser(admin, warehouse, "en", "WAREHOUSE");
		Browserless reader = new Browserless(api.base()).loggedInAs(warehouse, Api.PASSWORD);
		assertThat(reader.get(form).status()).isEqualTo(403);
	}

	@Test
	void theEditFormKeepsWhatIsNotChangedAndRefusesStaleVersions() {
		var body = new HashMap<>(company("Edit " + uniqueWord(), taxNumber()));
		body.put("email", "edit@example.com");
		long id = api.post("/api/v1/customers", body).bearer(admin).send().json().get("id").asLong();
		Response form = browser.get("/customers/" + id + "/edit");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("value=\"edit@example.com\"");
		Map<String, String> fields = new HashMap<>(Map.of("kind", "COMPANY", "name", "Edited name", "roles", "CUSTOMER",
				"status", "PASSIVE", "country", "TR", "email", "edit@example.com", "language", "tr", "currency", "TRY",
				"version", "0"));
		fields.put("_csrf", Browserless.csrfOf(form.body()));
		assertThat(browser.post("/customers/" + id, fields).status()).isEqualTo(302);
		Response stale = browser.post("/customers/" + id, fields);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body()).contains("Somebody changed this customer");
		assertThat(api.get("/api/v1/customers/" + id).bearer(admin).send().json().get("status").asString()).isEqualTo("PASSIVE");
	}

	@Test
	void aForbiddenEditIsRefusedAndChangesNothing() {
		long id = api.post("/api/v1/customers", company("Not yours " + uniqueWord(), taxNumber())).bearer(admin).send().json()
			.get("id").asLong();
		String page = "/customers/" + id;
		Map<String, String> general = Map.of("kind", "COMPANY", "name", "Taken over", "roles", "CUSTOMER", "status", "ACTIVE",
				"country", "TR", "language", "tr", "version", "0");

		String seller = Api.uniqueName("seller");
		api.createUser(admin, seller, "en", "SALESPERSON");
		Browserless salesperson = new Browserless(api.base()).loggedInAs(seller, Api.PASSWORD);
		assertThat(salesperson.get(page + "/edit").status()).isEqualTo(403);
		Response refused = salesperson.submit(page, page, general);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("You may not change this account");

		String bookkeeper = Api.uniqueName("books");
		api.createUser(admin, bookkeeper, "en", "ACCOUNTANT");
		Browserless accountant = new Browserless(api.base()).loggedInAs(bookkeeper, Api.PASSWORD);
		Response form = accountant.get(page + "/edit");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("<fieldset id=\"general-fields\" disabled=\"disabled\">", "name=\"creditLimit\"");
		var withName = new HashMap<>(general);
		withName.put("creditLimit", "5000");
		assertThat(accountant.submit(page, page, withName).status()).isEqualTo(403);
		assertThat(salesperson.submit(page, page, Map.of("creditLimit", "9000", "version", "0")).status()).isEqualTo(403);

		assertThat(jdbc.sql("select name || ' ' || coalesce(credit_limit::text, '-') || ' ' || version from customer where id = :id")
			.param("id", id).query(String.class).single()).matches("Not yours \\S+ - 0");

		// What the accountant's form sends, the credit terms, is saved.
		Response saved = accountant.submit(page, page, Map.of("creditLimit", "5000", "paymentTermDays", "30",
				"currency", "TRY", "version", "0"));
		assertThat(saved.header("Location")).hasValue(page + "?saved");
		assertThat(jdbc.sql("select credit_limit from customer where id = :id").param("id", id).query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("5000");
	}

	@Test
	void similarNamesAreShownWhileTyping() {
		String marker = uniqueWord();
		api.post("/api/v1/customers", company("Marmara " + marker + " Boya", taxNumber())).bearer(admin).send();
		Response similar = browser.get("/customers/similar?name=" + URLEncoder.encode("marmara " + marker + " boyaa", StandardCharsets.UTF_8));
		assertThat(similar.body()).contains("Marmara " + marker + " Boya");
	}

	@Test
	void theImportWizardUploadsMapsAndReportsProgress() {
		String marker = uniqueWord();
		String csv = "name;E-posta\nWizard " + marker + " A.Ş.;wizard@example.com\nBroken " + marker + ";nope\n";
		Response upload = new Multipart().file("file", "liste.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))
			.field("_csrf", Browserless.csrfOf(browser.get("/customers/import").body()))
			.header("Cookie", "SESSION=" + browser.cookie("SESSION"))
			.post(api.base() + "/customers/import");
		assertThat(upload.status()).as(upload.body()).isEqualTo(302);
		String mapping = upload.header("Location").orElseThrow().replace(api.base(), "");
		Response mappingPage = browser.get(mapping);
		assertThat(mappingPage.body()).contains("Wizard " + marker);
		assertThat(mappingPage.body()).containsPattern("<option value=\"name\"\\s+selected");
		assertThat(mappingPage.body()).containsPattern("<option value=\"E-posta\"\\s+selected");
		Response started = browser.submit(mapping, mapping, Map.of("mapping.name", "name", "mapping.email", "E-posta"));
		assertThat(started.status()).isEqualTo(302);
		String progress = started.header("Location").orElseThrow().replace(api.base(), "");
		String body = "";
		for (int i = 0; i < 50 && !body.contains("data-status=\"DONE\""); i++) {
			body = browser.get(progress).body();
		}
		assertThat(body).contains("data-status=\"DONE\"", "import-errors", "This is not an email address.");
	}

	@Test
	void administratorsKeepTheSettings() {
		String name = "Category " + uniqueWord();
		Response page = browser.get("/admin/customer-settings");
		assertThat(page.status()).isEqualTo(200);
		assertThat(browser.submit("/admin/customer-settings", "/admin/customer-settings/lookups/category", Map.of("name", name))
			.status()).isEqualTo(302);
		assertThat(browser.get("/admin/customer-settings").body()).contains(name);
	}

	@Test
	void switchingASettingOffSendsTheVersionShownAndAStaleOneIsRefused() {
		long sector = api.post("/api/v1/customer-sectors", Map.of("name", "Sector " + uniqueWord())).bearer(admin).send().json()
			.get("id").asLong();
		String toggle = "/admin/customer-settings/lookups/sector/" + sector + "/toggle";
		assertThat(browser.get("/admin/customer-settings").body()).contains(toggle);
		browser.submit("/admin/customer-settings", toggle, Map.of("active", "false", "version", "0"));
		assertThat(api.get("/api/v1/customer-sectors/" + sector).bearer(admin).send().json().get("active").asBoolean()).isFalse();
		browser.submit("/admin/customer-settings", toggle, Map.of("active", "true", "version", "0"));
		assertThat(browser.get("/admin/customer-settings").body()).contains("Somebody changed this lookup");
		var unchanged = api.get("/api/v1/customer-sectors/" + sector).bearer(admin).send().json();
		assertThat(unchanged.get("active").asBoolean()).isFalse();
		assertThat(unchanged.get("version").asLong()).isEqualTo(1);
	}

	@Test
	void readersSeeNoEditingAndPortalUsersNothing() {
		long id = api.post("/api/v1/customers", company("Read only " + uniqueWord(), taxNumber())).bearer(admin).send().json()
			.get("id").asLong();
		String warehouse = Api.uniqueName("wh");
		api.createUser(admin, warehouse, "en", "WAREHOUSE");
		Browserless reader = new Browserless(api.base()).loggedInAs(warehouse, Api.PASSWORD);
		Response page = reader.get("/customers/" + id);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("id=\"edit-customer\"", "id=\"add-contact\"");
		assertThat(reader.get("/customers/new").status()).isEqualTo(403);
		String portal = Api.uniqueName("portal");
		api.createUser(admin, portal, "en", "PORTAL");
		assertThat(new Browserless(api.base()).loggedInAs(portal, Api.PASSWORD).get("/customers").status()).isEqualTo(403);
		assertThat(browser.get("/customers/99999999").status()).isEqualTo(404);
	}
}
