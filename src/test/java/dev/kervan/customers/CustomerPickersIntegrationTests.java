package dev.kervan.customers;

import static dev.kervan.customers.CustomerApiIntegrationTests.company;
import static dev.kervan.customers.CustomerApiIntegrationTests.taxNumber;
import static dev.kervan.customers.CustomerApiIntegrationTests.uniqueWord;
import static dev.kervan.support.PickerAnswers.encode;
import static dev.kervan.support.PickerAnswers.ids;
import static dev.kervan.support.PickerAnswers.pick;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.Browserless;
import dev.kervan.support.PageIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The account and contact pickers' sources: what they find, for whom, and how many. */
class CustomerPickersIntegrationTests extends PageIntegrationTest {

	@Test
	void anAccountIsFoundByPartOfItsNameItsTaxNumberItsExternalReferenceOrItsPhone() {
		String word = uniqueWord();
		String tax = taxNumber();
		var body = new java.util.HashMap<>(company("Trakya Makine " + word + " Ltd.", tax));
		body.put("externalRef", "ERP-" + word);
		body.put("phone", "0212 555 01 23");
		long id = created(body);

		assertThat(ids(pick(browser, "/pick/accounts?q=" + encode("makine " + word)))).containsExactly(id);
		assertThat(ids(pick(browser, "/pick/accounts?q=" + tax))).containsExactly(id);
		assertThat(ids(pick(browser, "/pick/accounts?q=ERP-" + word))).containsExactly(id);
		JsonNode match = pick(browser, "/pick/accounts?q=" + encode("makine " + word)).get("matches").get(0);
		assertThat(match.get("label").asString()).isEqualTo("Trakya Makine " + word + " Ltd.");
		assertThat(match.get("detail").asString()).contains(tax);
		assertThat(ids(pick(browser, "/pick/accounts?q=" + encode("+90 212 555 0123")))).contains(id);
	}

	@Test
	void turkishAndPersianLettersAreFoldedAsTheAccountsSearchFoldsThem() {
		String word = uniqueWord();
		long turkish = created(company("İSTANBUL IŞIK TEKSTİL " + word, taxNumber()));
		long persian = created(company("کتاب‌فروشی یاس " + word, taxNumber()));

		assertThat(ids(pick(browser, "/pick/accounts?q=" + encode("istanbul isik " + word)))).containsExactly(turkish);
		// Typed with the Arabic kaf and yeh of an Arabic keyboard.
		assertThat(ids(pick(browser, "/pick/accounts?q=" + encode("كتاب ياس " + word)))).containsExactly(persian);
	}

	@Test
	void archivedAccountsAreNotOfferedAndAPortalUserIsRefused() {
		String word = uniqueWord();
		long archived = created(company("Kapanmış " + word, taxNumber()));
		assertThat(api.delete("/api/v1/customers/" + archived).bearer(admin).send().status()).isEqualTo(204);

		assertThat(ids(pick(browser, "/pick/accounts?q=" + word))).isEmpty();

		String portal = Api.uniqueName("portal");
		api.createUser(admin, portal, "en", "PORTAL");
		Response refused = new Browserless(api.base()).loggedInAs(portal, Api.PASSWORD).getJson("/pick/accounts?q=" + word);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).doesNotContain(word);
	}

	@Test
	void aSourceAnswersTenMatchesAtMostInNameOrder() {
		String word = uniqueWord();
		var made = new ArrayList<Long>();
		for (int i = 11; i >= 0; i--) {
			made.add(created(company(String.format("Toptan %02d %s", i, word), taxNumber())));
		}

		List<Long> found = ids(pick(browser, "/pick/accounts?q=" + word));

		assertThat(found).hasSize(10).containsExactlyElementsOf(made.reversed().subList(0, 10));
		assertThat(ids(pick(browser, "/pick/accounts"))).hasSize(10);
	}

	@Test
	void onlySuppliersOrPeopleAreOfferedWhereOnlyTheyMayBeChosen() {
		String word = uniqueWord();
		long customer = created(company("Alıcı " + word, taxNumber()));
		var supplierBody = new java.util.HashMap<>(company("Satıcı " + word, taxNumber()));
		supplierBody.put("roles", List.of("SUPPLIER"));
		long supplier = created(supplierBody);
		long person = created(Map.of("kind", "PERSON", "name", "Ayşe " + word, "roles", List.of("CUSTOMER"), "country", "TR"));

		assertThat(ids(pick(browser, "/pick/accounts?q=" + word))).containsExactlyInAnyOrder(customer, supplier, person);
		assertThat(ids(pick(browser, "/pick/accounts?role=SUPPLIER&q=" + word))).containsExactly(supplier);
		assertThat(ids(pick(browser, "/pick/accounts?kind=PERSON&q=" + word))).containsExactly(person);
	}

	@Test
	void theContactsOfAnAccountAreFoundByNameEmailOrPhoneAndNoneOfAnArchivedOne() {
		String word = uniqueWord();
		long account = created(company("Kişiler " + word, taxNumber()));
		long other = created(company("Başka " + word, taxNumber()));
		long ayse = contact(account, Map.of("name", "Ayşe Işık", "email", "ayse@" + word + ".example", "mobile", "0532 111 22 33"));
		long mehmet = contact(account, Map.of("name", "Mehmet Öz", "jobTitle", "Satın alma"));
		contact(other, Map.of("name", "Ayşe Başka"));

		assertThat(ids(pick(browser, "/pick/contacts?account=" + account + "&q=" + encode("ayse isik")))).containsExactly(ayse);
		assertThat(ids(pick(browser, "/pick/contacts?account=" + account + "&q=" + encode("0532 111")))).containsExactly(ayse);
		assertThat(ids(pick(browser, "/pick/contacts?account=" + account + "&q=" + word))).containsExactly(ayse);
		assertThat(ids(pick(browser, "/pick/contacts?account=" + account + "&q=" + encode("satin")))).containsExactly(mehmet);
		assertThat(ids(pick(browser, "/pick/contacts?account=" + account))).containsExactly(ayse, mehmet);
		JsonNode match = pick(browser, "/pick/contacts?account=" + account + "&q=mehmet").get("matches").get(0);
		assertThat(match.get("label").asString()).isEqualTo("Mehmet Öz");

		assertThat(api.delete("/api/v1/customers/" + account).bearer(admin).send().status()).isEqualTo(204);
		assertThat(ids(pick(browser, "/pick/contacts?account=" + account))).isEmpty();
	}

	@Test
	void aPersonsRelationIsChosenByTheRelatedPersonsNameAndATypedNameIsRefusedByItsLabel() {
		String word = uniqueWord();
		long ali = created(Map.of("kind", "PERSON", "name", "Ali " + word, "roles", List.of("CUSTOMER"), "country", "TR"));
		long sara = created(Map.of("kind", "PERSON", "name", "Sara " + word, "roles", List.of("CUSTOMER"), "country", "TR"));
		String page = "/customers/" + ali + "?tab=relations";
		assertThat(browser.get(page).body()).contains("data-picker-source=\"/pick/accounts?kind=PERSON\"", "id=\"f-relatedId\"")
			.doesNotContain("inputmode=\"numeric\" placeholder=\"Related");

		browser.submit(page, "/customers/" + ali + "/parts/relations", Map.of("relatedId", "", "relatedId-text", "Sar",
				"type", "FAMILY"));
		assertThat(browser.get(page).body()).contains("Related person: &quot;Sar&quot; chose no record");

		Response added = browser.submit(page, "/customers/" + ali + "/parts/relations", Map.of("relatedId", String.valueOf(sara),
				"relatedId-text", "Sara " + word, "type", "FAMILY"));
		assertThat(added.status()).isEqualTo(302);
		assertThat(api.get("/api/v1/customers/" + ali + "/relations").bearer(admin).send().body()).contains("\"relatedId\":" + sara);
	}

	private long created(Map<String, Object> body) {
		Response created = api.post("/api/v1/customers", body).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private long contact(long account, Map<String, Object> body) {
		Response created = api.post("/api/v1/customers/" + account + "/contacts", body).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}
}
