package dev.kervan.customers;

import static dev.kervan.customers.CustomerApiIntegrationTests.company;
import static dev.kervan.customers.CustomerApiIntegrationTests.taxNumber;
import static dev.kervan.customers.CustomerApiIntegrationTests.uniqueWord;
import static dev.kervan.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import dev.kervan.support.Api.Response;
import dev.kervan.support.KervanIntegrationTest;
import dev.kervan.support.Multipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CustomerPartsIntegrationTests extends KervanIntegrationTest {

	private static final String CARD = "4111111111111111";

	private String admin;
	private long customer;

	@BeforeEach
	void createCustomer() {
		admin = api.token("admin", ADMIN_PASSWORD);
		customer = api.post("/api/v1/customers", company("Parts " + uniqueWord(), taxNumber())).bearer(admin).send().json()
			.get("id").asLong();
	}

	@Test
	void contactsKeepTheirPhoneInE164AndPageByCursor() {
		Response created = post("contacts", Map.of("name", "Selin Aksoy", "email", "selin@example.com", "phone",
				"0532 111 22 33", "department", "Satın alma", "language", "tr", "portalAccess", true));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("phone").asString()).isEqualTo("+905321112233");
		assertThat(created.json().get("portalAccess").asBoolean()).isTrue();
		for (int i = 0; i < 4; i++) {
			post("contacts", Map.of("name", "Contact " + i));
		}
		JsonNode first = get("contacts?limit=3");
		assertThat(first.get("items")).hasSize(3);
		JsonNode second = get("contacts?limit=3&cursor=" + first.get("nextCursor").asString());
		assertThat(second.get("items")).hasSize(2);
		assertThat(second.get("nextCursor").isNull()).isTrue();

		assertProblem(post("contacts", Map.of("email", "nope", "phone", "abc")), 400, "error.validation");
	}

	@Test
	void branchesContactsAndAddressesBelongTogether() {
		long branch = post("branches", Map.of("name", "Ankara şubesi", "city", "Ankara", "phone", "+90 312 444 55 66",
				"managerName", "Okan Er")).json().get("id").asLong();
		Response contact = post("contacts", Map.of("name", "Deniz Er", "branchId", branch));
		assertThat(contact.json().get("branchId").asLong()).isEqualTo(branch);
		long otherCustomer = api.post("/api/v1/customers", company("Other " + uniqueWord(), taxNumber())).bearer(admin).send()
			.json().get("id").asLong();
		Response foreignBranch = api.post("/api/v1/customers/" + otherCustomer + "/contacts",
				Map.of("name", "Wrong branch", "branchId", branch)).bearer(admin).send();
		assertProblem(foreignBranch, 400, "error.validation");

		Response address = post("addresses", Map.of("purpose", "DELIVERY", "line1", "Organize Sanayi 3. Cad. No:12",
				"district", "Sincan", "city", "Ankara", "postalCode", "06930"));
		assertThat(address.status()).as(address.body()).isEqualTo(201);
		assertThat(address.json().get("country").asString()).isEqualTo("TR");
		assertProblem(post("addresses", Map.of("purpose", "HOLIDAY", "line1", "x", "city", "y")), 400, "error.validation");
	}

	@Test
	void ibansAreCheckedByTheirCheckDigits() {
		Response good = post("bank-accounts", Map.of("iban", "tr33 0006 1005 1978 6457 8413 26", "bankName", "Ziraat"));
		assertThat(good.status()).as(good.body()).isEqualTo(201);
		assertThat(good.json().get("iban").asString()).isEqualTo("TR330006100519786457841326");
		assertProblem(post("bank-accounts", Map.of("iban", "TR330006100519786457841327")), 400, "error.validation");
		assertProblem(post("bank-accounts", Map.of("iban", "TR330006100519786457841326")), 409, "error.customer.part-duplicate");
	}

	@Test
	void paymentCardsAreKeptMaskedAndFullNumbersAreRefusedWithoutATrace() {
		Response card = post("payment-cards", Map.of("last4", "4242", "expiry", "08/29", "holder", "AYŞE YILMAZ"));
		assertThat(card.status()).as(card.body()).isEqualTo(201);
		assertThat(card.json().get("masked").asString()).endsWith("4242");
		assertThat(card.json().get("expiry").asString()).isEqualTo("08/29");

		Response refused = post("payment-cards", Map.of("number", CARD, "last4", "1111", "expiry", "01/30", "cvv", "123"));
		assertProblem(refused, 400, "error.validation");
		assertThat(refused.body()).doesNotContain(CARD).doesNotContain("123\"");
		assertThat(refused.json().get("errors").toString()).contains("\"field\":\"number\"", "\"field\":\"cvv\"");
		assertProblem(post("payment-cards", Map.of("last4", "1111", "expiry", "01/30", "holder", "Card " + CARD)), 400,
				"error.validation");
		assertProblem(post("notes", Map.of("text", "Pays with 4111 1111 1111 1111")), 400, "error.validation");

		long traces = jdbc.sql("""
				select (select count(*) from customer_payment_card where holder like :like or brand like :like)
				     + (select count(*) from audit_log where old_value like :like or new_value like :like)
				     + (select count(*) from customer_note where text like :like)
				     + (select count(*) from idempotency_record where convert_from(response_body, 'UTF8') like :like)""")
			.param("like", "%" + CARD.substring(4, 12) + "%")
			.query(Long.class)
			.single();
		assertThat(traces).isZero();
		assertProblem(post("payment-cards", Map.of("last4", "12345", "expiry", "13/29")), 400, "error.validation");
	}

	@Test
	void relationsLinkPeopleOnly() {
		long ali = person("Ali Rezaei");
		long sara = person("Sara Ahmadi");
		Response relation = api.post("/api/v1/customers/" + ali + "/relations", Map.of("relatedId", sara, "type", "FAMILY"))
			.bearer(admin).send();
		assertThat(relation.status()).as(relation.body()).isEqualTo(201);
		assertThat(relation.json().get("relatedName").asString()).isEqualTo("Sara Ahmadi");
		assertProblem(api.post("/api/v1/customers/" + ali + "/relations", Map.of("relatedId", customer, "type", "FAMILY"))
			.bearer(admin).send(), 400, "error.validation");
		assertProblem(api.post("/api/v1/customers/" + ali + "/relations", Map.of("relatedId", ali, "type", "COLLEAGUE"))
			.bearer(admin).send(), 400, "error.validation");
	}

	@Test
	void agreementsNotesAndFiles() {
		Response file = upload("sozlesme.pdf", "application/pdf", "%PDF-1.4\nagreement\n%%EOF".getBytes(StandardCharsets.UTF_8));
		assertThat(file.status()).as(file.body()).isEqualTo(201);
		String attachmentId = file.json().get("id").asString();
		Response agreement = post("agreements", Map.of("title", "Bayilik sözleşmesi", "startsOn", "2026-01-01", "endsOn",
				"2027-12-31", "attachmentId", attachmentId));
		assertThat(agreement.status()).as(agreement.body()).isEqualTo(201);
		assertThat(agreement.json().get("current").asBoolean()).isTrue();
		assertProblem(post("agreements", Map.of("title", "Backwards", "startsOn", "2026-05-01", "endsOn", "2026-04-01")),
				400, "error.validation");

		assertThat(post("notes", Map.of("text", "Called about the spring campaign.")).json().get("author").asString())
			.isEqualTo("admin");
		assertThat(get("attachments").get("items").toString()).contains("sozlesme.pdf");
		Response download = api.get("/api/v1/customers/" + customer + "/attachments/" + attachmentId).bearer(admin).send();
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body()).startsWith("%PDF");
		assertThat(upload("evil.pdf", "application/pdf", "<html><script>alert(1)</script>".getBytes()).status()).isEqualTo(400);
		assertThat(api.delete("/api/v1/customers/" + customer + "/attachments/" + attachmentId).bearer(admin).send().status())
			.isEqualTo(204);
	}

	@Test
	void partsAreChangedWithTheirVersionAndRemoved() {
		long id = post("contacts", Map.of("name", "Before")).json().get("id").asLong();
		Response changed = api.patch("/api/v1/customers/" + customer + "/contacts/" + id, Map.of("name", "After"))
			.header("If-Match", "\"0\"").bearer(admin).send();
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("version").asLong()).isEqualTo(1);
		assertProblem(api.patch("/api/v1/customers/" + customer + "/contacts/" + id, Map.of("name", "Stale"))
			.header("If-Match", "\"0\"").bearer(admin).send(), 412, "error.version-conflict");
		assertThat(api.delete("/api/v1/customers/" + customer + "/contacts/" + id).bearer(admin).send().status()).isEqualTo(204);
		assertThat(api.get("/api/v1/customers/" + customer + "/contacts/" + id).bearer(admin).send().status()).isEqualTo(404);
		assertThat(api.get("/api/v1/customers/" + customer + "/gifts").bearer(admin).send().status()).isEqualTo(404);
	}

	@Test
	void aPartAsAnsweredMayBeSentBackAndNullClearsItsFieldsButNotItsName() {
		JsonNode contact = post("contacts", Map.of("name", "Sent Back", "email", "back@example.com", "phone",
				"0532 111 22 44")).json();
		String path = "/api/v1/customers/" + customer + "/contacts/" + contact.get("id").asLong();
		Response sentBack = api.patch(path, contact).bearer(admin).send();
		assertThat(sentBack.status()).as(sentBack.body()).isEqualTo(200);
		assertThat(sentBack.json().get("version").asLong()).isZero();

		var refused = new HashMap<String, Object>();
		refused.put("name", null);
		refused.put("email", null);
		assertProblem(api.patch(path, refused).header("If-Match", "\"0\"").bearer(admin).send(), 400, "error.validation");
		var clearing = new HashMap<String, Object>();
		clearing.put("email", null);
		Response cleared = api.patch(path, clearing).header("If-Match", "\"0\"").bearer(admin).send();
		assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
		assertThat(cleared.json().get("email").isNull()).isTrue();
		assertThat(cleared.json().get("name").asString()).isEqualTo("Sent Back");
		assertThat(cleared.json().get("phone").asString()).isEqualTo("+905321112244");
	}

	@Test
	void aPartOfAKindThereIsNoneOfIsNotFoundWhateverIsSent() {
		assertProblem(post("gifts", Map.of("name", "Wine")), 404, "error.not-found");
		assertProblem(api.patch("/api/v1/customers/" + customer + "/gifts/1", Map.of("name", "Wine")).header("If-Match", "*")
			.bearer(admin).send(), 404, "error.not-found");
	}

	private long person(String name) {
		var body = new HashMap<>(company(name + " " + uniqueWord(), null));
		body.put("kind", "PERSON");
		body.put("name", name);
		return api.post("/api/v1/customers", body).bearer(admin).send().json().get("id").asLong();
	}

	private Response post(String part, Map<String, ?> body) {
		return api.post("/api/v1/customers/" + customer + "/" + part, body).bearer(admin).send();
	}

	private JsonNode get(String part) {
		return api.get("/api/v1/customers/" + customer + "/" + part).bearer(admin).send().json();
	}

	private Response upload(String filename, String type, byte[] content) {
		return new Multipart().file("file", filename, type, content)
			.header("Authorization", "Bearer " + admin)
			.post(api.base() + "/api/v1/customers/" + customer + "/attachments");
	}
}
