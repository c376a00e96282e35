package dev.kervan.platform;

import static dev.kervan.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.Browserless;
import dev.kervan.support.Multipart;
import dev.kervan.support.PageIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The text rules of {@link TextHygiene}, as every module applies them: control and direction-changing characters are
 * refused in names, codes and file names (400 naming the field, a message beside it on a page, the row on an
 * import) and taken out of free text; a full card number is refused in every name and free text, never in a code;
 * a website is an http(s) address; documents never fail on what was stored before.
 */
class TextRulesIntegrationTests extends PageIntegrationTest {

	private static final String CONTROL = "Contains a control character (such as NUL or a bell), which is not allowed here.";
	private static final String DIRECTION = "Contains a character that changes the writing direction, which is not allowed here.";
	private static final String CARD = "Full card numbers are never stored: send only the last four digits.";
	private static final String CARD_NUMBER = "4111 1111 1111 1111";
	private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

	@Test
	void aNulOrControlCharacterInANameIsRefusedNamingTheFieldAndNothingIsStored() {
		String marker = Api.uniqueName("Nul");
		assertRefused(api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", marker + "\u0000 Ltd")), "name", CONTROL);
		assertRefused(api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", marker + " Ltd", "taxNumber",
				"1234567890\u0000", "country", "TR")), "taxNumber", CONTROL);
		assertRefused(api.post("/api/v1/leads", Map.of("title", marker + "\u0007")), "title", CONTROL);
		assertRefused(api.post("/api/v1/products", Map.of("code", marker, "name", marker + "\u0007 zil")), "name", CONTROL);
		assertRefused(api.post("/api/v1/products", Map.of("code", marker + "\t1", "name", marker)), "code", CONTROL);
		assertRefused(api.post("/api/v1/warehouses", Map.of("code", "W" + marker.substring(3, 9), "name", marker + "\u0000")),
				"name", CONTROL);
		assertThat(count("select count(*) from customer where name like ?", containing(marker))).isZero();
		assertThat(count("select count(*) from lead where title like ?", containing(marker))).isZero();
		assertThat(count("select count(*) from product where name like ? or code like ?", containing(marker), containing(marker))).isZero();
		assertThat(count("select count(*) from warehouse where name like ?", containing(marker))).isZero();
	}

	@Test
	void aNulNoTextRuleReadsIsRefusedAsABadRequestNotAConflict() {
		for (String path : List.of("/api/v1/customers?tag=%00", "/api/v1/opportunities?tag=a%00b")) {
			assertProblem(api.get(path).bearer(admin).send(), 400, TextHygiene.CONTROL_CHARACTER);
		}
	}

	@Test
	void directionOverridesAreRefusedInNamesAndCodesWhilePersianNamesKeepTheirMarks() {
		String marker = Api.uniqueName("Bidi");
		assertRefused(api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", marker + " \u202Egnp.exe")), "name",
				DIRECTION);
		assertRefused(api.post("/api/v1/products", Map.of("code", marker + "\u200F", "name", marker)), "code", DIRECTION);
		assertRefused(api.post("/api/v1/activity-types", Map.of("name", "\u2066" + marker + "\u2069")), "name", DIRECTION);
		assertThat(count("select count(*) from customer where name like ?", containing(marker))).isZero();

		String persian = "شرکت ABC\u200F " + marker;
		Response created = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", persian)).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("name").asString()).isEqualTo(persian);
	}

	@Test
	void freeTextLosesControlAndOverrideCharactersInsteadOfBeingRefused() {
		long customer = customer(Api.uniqueName("Serbest"));
		Response note = api.post("/api/v1/customers/" + customer + "/notes",
				Map.of("text", "Görüşme\u0000 notu\u0007\r\n\u202Eikinci satır\u202C")).bearer(admin).send();
		assertThat(note.status()).as(note.body()).isEqualTo(201);
		assertThat(note.json().get("text").asString()).isEqualTo("Görüşme notu\r\nikinci satır");

		Response lead = api.post("/api/v1/leads", Map.of("title", Api.uniqueName("Serbest"), "notes", "Ara\u0000ma")).bearer(admin)
			.send();
		assertThat(lead.status()).as(lead.body()).isEqualTo(201);
		assertThat(lead.json().get("notes").asString()).isEqualTo("Arama");
	}

	@Test
	void aFullCardNumberIsRefusedInEveryNameAndFreeTextWithoutEchoingIt() {
		String marker = Api.uniqueName("Kart");
		long customer = customer(marker);
		long opportunity = api.post("/api/v1/opportunities", Map.of("title", marker + " fırsat")).bearer(admin).send().json()
			.get("id").asLong();
		long activity = plan(opportunity, marker + " görüşme");
		long warehouse = api.post("/api/v1/warehouses", Map.of("code", "K" + marker.substring(4, 10), "name", marker)).bearer(admin)
			.send().json().get("id").asLong();
		long product = api.post("/api/v1/products", Map.of("code", marker, "name", marker)).bearer(admin).send().json().get("id")
			.asLong();
		String card = "kart no: " + CARD_NUMBER + " son";

		assertRefused(api.post("/api/v1/customers", Map.of("kind", "PERSON", "name", marker + " kart " + CARD_NUMBER)), "name", CARD);
		assertRefused(api.post("/api/v1/customers/" + customer + "/notes", Map.of("text", card)), "text", CARD);
		assertRefused(api.post("/api/v1/leads", Map.of("title", marker + " aday", "notes", card)), "notes", CARD);
		assertRefused(api.post("/api/v1/opportunities", Map.of("title", marker + " ikinci", "notes", card)), "notes", CARD);
		assertRefused(api.post("/api/v1/activities", Map.of("typeId", callType(), "summary", card, "subjectType", "OPPORTUNITY",
				"subjectId", opportunity, "dueDate", LocalDate.now().toString())), "summary", CARD);
		assertRefused(api.post("/api/v1/activities/" + activity + "/done", Map.of("version", 0, "feedback", card)), "feedback",
				CARD);
		assertRefused(api.post("/api/v1/products", Map.of("code", marker + "-2", "name", marker, "description", card)),
				"description", CARD);
		assertRefused(api.post("/api/v1/stock-moves", Map.of("type", "RECEIPT", "warehouseId", warehouse, "reason", card, "lines",
				List.of(Map.of("productId", product, "quantity", "1")))), "reason", CARD);
		assertRefused(api.post("/api/v1/reservations", Map.of("productId", product, "warehouseId", warehouse, "quantity", "1",
				"reference", card)), "reference", CARD);

		assertThat(count("select count(*) from customer where name like ?", containing(marker))).isEqualTo(1);
		assertThat(count("select count(*) from customer_note where customer = ? and text like ?", customer, containing("kart"))).isZero();
		assertThat(count("select count(*) from lead where title like ?", containing(marker))).isZero();
		assertThat(count("select count(*) from opportunity where title like ?", containing(marker))).isEqualTo(1);
		assertThat(count("select count(*) from activity where summary like ?", containing(marker))).isEqualTo(1);
		assertThat(count("select count(*) from activity where id = ? and status = 'PLANNED'", activity))
			.as("the activity is still planned").isEqualTo(1);
		assertThat(count("select count(*) from product where code like ?", containing(marker))).isEqualTo(1);
		assertThat(count("select count(*) from stock_move where warehouse = ?", warehouse)).isZero();
		assertThat(count("select count(*) from stock_reservation where warehouse = ?", warehouse)).isZero();
	}

	@Test
	void codesAreNotMistakenForCardNumbers() {
		String marker = Api.uniqueName("Kod");
		String barcode = "8690000000067"; // a valid EAN-13 that also passes the Luhn check
		jdbc.sql("delete from product_barcode where barcode = ?").param(barcode).update();
		Response product = api.post("/api/v1/products", Map.of("code", marker, "name", marker, "barcodes", List.of(barcode)))
			.bearer(admin).send();
		assertThat(product.status()).as(product.body()).isEqualTo(201);

		long customer = customer(marker + " Ltd");
		Response account = api.post("/api/v1/customers/" + customer + "/bank-accounts",
				Map.of("iban", "TR33 0006 1005 1978 6457 8413 26", "holder", marker)).bearer(admin).send();
		assertThat(account.status()).as(account.body()).isEqualTo(201);
	}

	@Test
	void aWebsiteMustBeAnHttpAddress() {
		String marker = Api.uniqueName("Web");
		for (String website : List.of("javascript:alert(1)", "JavaScript:alert(document.cookie)", "data:text/html,<script>x</script>",
				"vbscript:msgbox(1)", "ftp://files.example.com", "javascript:1/alert(1)", "http://", "https://exa mple.com")) {
			assertRefused(api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", marker, "website", website)), "website",
					"A web address starting with http:// or https://, or a bare one such as www.example.com.");
		}
		assertThat(count("select count(*) from customer where name like ?", containing(marker))).isZero();

		for (String website : List.of("https://www.example.com/iletişim?x=1", "http://örnek.com.tr", "www.example.com",
				"firma.com.tr:8080/katalog")) {
			Response created = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", marker, "website", website))
				.bearer(admin).send();
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			assertThat(created.json().get("website").asString()).isEqualTo(website);
		}
		long id = customer(marker + " değişen");
		Response changed = api.patch("/api/v1/customers/" + id, Map.of("website", "javascript:alert(1)", "version", 0))
			.bearer(admin).send();
		assertProblem(changed, 400, "error.validation");
		assertThat(api.get("/api/v1/customers/" + id).bearer(admin).send().json().get("version").asInt()).isZero();
	}

	@Test
	void anAttachmentWhoseNameHidesItsKindOrHoldsAControlCharacterIsRefused() {
		long customer = customer(Api.uniqueName("Dosya"));
		byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		assertRefused(attach(customer, "\u202Efdp.exe", pdf), "file", DIRECTION);
		assertRefused(attach(customer, "rapor\u0007.pdf", pdf), "file", CONTROL);
		assertThat(count("select count(*) from attachment where owner_id = ?", String.valueOf(customer))).isZero();
		assertThat(attach(customer, "rapor.pdf", pdf).status()).isEqualTo(201);
	}

	@Test
	void thePublicLeadFormAnswersANulBesideItsFieldAndTakesItOutOfTheMessage() throws InterruptedException {
		var visitor = new Browserless(api.base());
		String company = Api.uniqueName("Nul Form");
		long submissions = count("select coalesce(max(id), 0) from web_form_submission");
		try {
			String first = token(visitor);
			String second = token(visitor);
			Thread.sleep(1_100);
			Response refused = visitor.post("/public/lead-form", leadForm(first, "Ali\u0000 Veli", company, "Merhaba"));
			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.body()).contains(CONTROL).doesNotContain("Exception");
			assertThat(count("select count(*) from lead where company_name like ?", containing(company))).isZero();

			Response thanks = visitor.post("/public/lead-form", leadForm(second, "Ali Veli", company, "Forklift\u0000 lazım"));
			assertThat(thanks.status()).as(thanks.body()).isEqualTo(200);
			assertThat(jdbc.sql("select notes from lead where company_name = ?").param(company).query(String.class).single())
				.contains("Forklift lazım").doesNotContain("\u0000");
		}
		finally {
			// The form takes five leads from an address in ten minutes; another test counts on them.
			jdbc.sql("delete from web_form_submission where id > ?").param(submissions).update();
		}
	}

	@Test
	void pageFormsShowAControlCharacterBesideItsField() {
		String name = Api.uniqueName("Form") + "\u0007";
		Response refused = browser.submit("/customers/new", "/customers", Map.of("kind", "COMPANY", "name", name, "roles",
				"CUSTOMER"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("is-invalid", CONTROL);
		assertThat(count("select count(*) from customer where name like ?", containing(name.substring(0, name.length() - 1)))).isZero();

		String code = "F" + Api.uniqueName("").substring(0, 7);
		Response warehouse = browser.submit("/inventory/warehouses", "/inventory/warehouses", Map.of("code", code, "name",
				"Depo\u0000", "address", "Sanayi \u202Esitesi"));
		assertThat(warehouse.status()).isEqualTo(422);
		assertThat(warehouse.body()).contains(CONTROL);
		assertThat(count("select count(*) from warehouse where code = ?", code)).isZero();
	}

	@Test
	void aNulInOneImportedRowRefusesThatRowWithItsNumberAndTheOthersAreImported() {
		String marker = Api.uniqueName("Satir");
		long base = 5_000_000_000L + System.nanoTime() % 1_000_000_000L;
		String csv = "name,taxNumber,country\n"
				+ marker + " Bir," + base + ",TR\n"
				+ marker + " İki\u0000," + (base + 1) + ",TR\n"
				+ marker + " Üç," + (base + 2) + "\u0000,TR\n"
				+ marker + " Dört\u202E," + (base + 3) + ",TR\n"
				+ marker + " Beş," + (base + 4) + ",TR\n";
		Response started = new Multipart().file("file", "nul.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))
			.header("Authorization", "Bearer " + admin)
			.post(api.base() + "/api/v1/customers/import");
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		JsonNode job = poll(started.header("Location").orElseThrow());
		assertThat(job.get("status").asString()).isEqualTo("DONE");
		assertThat(job.get("imported").asInt()).isEqualTo(2);
		var errors = new HashMap<Integer, String>();
		job.get("errors").forEach(e -> errors.put(e.get("row").asInt(), e.get("message").asString()));
		assertThat(errors).containsOnlyKeys(3, 4, 5);
		assertThat(errors.get(3)).contains(CONTROL);
		assertThat(errors.get(4)).contains(CONTROL);
		assertThat(errors.get(5)).contains(DIRECTION);
		assertThat(count("select count(*) from customer where name like ?", containing(marker))).isEqualTo(2);

		String code = Api.uniqueName("PN");
		Response products = new Multipart().file("file", "urunler.csv", "text/csv",
				("code,name\n" + code + ",Bir\n" + code + "\u0000X,İki\n").getBytes(StandardCharsets.UTF_8))
			.header("Authorization", "Bearer " + admin)
			.post(api.base() + "/api/v1/products/import");
		assertThat(products.status()).as(products.body()).isEqualTo(200);
		assertThat(products.json().get("imported").asInt()).isEqualTo(1);
		assertThat(products.json().get("errors").get(0).get("row").asInt()).isEqualTo(3);
		assertThat(products.json().get("errors").get(0).get("message").asString()).contains(CONTROL);
	}

	@Test
	void theCatalogueAndPriceListDocumentsNeverFailOnStoredText() {
		String marker = Api.uniqueName("Zil");
		long category = api.post("/api/v1/product-categories", Map.of("name", marker)).bearer(admin).send().json().get("id")
			.asLong();
		long product = api.post("/api/v1/products", Map.of("code", marker, "name", marker, "categoryId", category,
				"salePrice", "10")).bearer(admin).send().json().get("id").asLong();
		long customer = customer(marker + " Müşteri");
		long list = api.post("/api/v1/price-lists", Map.of("name", marker, "currency", "TRY", "rules",
				List.of(Map.of("productId", product, "type", "FIXED", "value", "9")))).bearer(admin).send().json().get("id")
			.asLong();
		// As stored before these rules: a bell, an override and an escape in names.
		jdbc.sql("update product set name = ? where id = ?").params(marker + " \u0007zil \u202Eters\u001B", product).update();
		jdbc.sql("update customer set name = ? where id = ?").params(marker + " \u0007Müşteri", customer).update();
		jdbc.sql("update price_list set name = ? where id = ?").params(marker + "\u0007", list).update();

		for (String path : List.of("/api/v1/products/pdf?categoryId=" + category,
				"/api/v1/price-lists/" + list + "/pdf?customerId=" + customer, "/api/v1/price-lists/" + list + "/pdf?lang=fa")) {
			Response pdf = api.get(path).bearer(admin).send();
			assertThat(pdf.status()).as(path + " " + pdf.body()).isEqualTo(200);
			assertThat(pdf.contentType()).startsWith("application/pdf");
		}
	}

	private long customer(String name) {
		Response created = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", name)).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private long callType() {
		for (JsonNode type : api.get("/api/v1/activity-types").bearer(admin).send().json().get("items")) {
			if (type.get("name").asString().equals("Call")) {
				return type.get("id").asLong();
			}
		}
		throw new IllegalStateException("No activity type Call");
	}

	private long plan(long opportunity, String summary) {
		Response planned = api.post("/api/v1/activities", Map.of("typeId", callType(), "summary", summary, "subjectType",
				"OPPORTUNITY", "subjectId", opportunity, "dueDate", LocalDate.now().toString())).bearer(admin).send();
		assertThat(planned.status()).as(planned.body()).isEqualTo(201);
		return planned.json().get("id").asLong();
	}

	private Response attach(long customer, String filename, byte[] content) {
		return new Multipart().file("file", filename, "application/pdf", content)
			.header("Authorization", "Bearer " + admin)
			.post(api.base() + "/api/v1/customers/" + customer + "/attachments");
	}

	private static String token(Browserless visitor) {
		var matcher = TOKEN.matcher(visitor.get("/public/lead-form").body());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private static Map<String, String> leadForm(String token, String name, String company, String message) {
		return Map.of("token", token, "name", name, "company", company, "email", "ali@nul.example", "phone", "0532 123 45 67",
				"message", message, "website", "");
	}

	private long count(String sql, Object... parameters) {
		return jdbc.sql(sql).params(parameters).query(Long.class).single();
	}

	private static String containing(String text) {
		return "%" + text + "%";
	}

	private JsonNode poll(String location) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			JsonNode job = api.get(location.replaceFirst("^https?://[^/]+", "")).bearer(admin).send().json();
			if (!job.get("status").asString().equals("RUNNING") || System.nanoTime() > deadline) {
				return job;
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return job;
			}
		}
	}

	private void assertRefused(Api.Call call, String field, String message) {
		assertRefused(call.bearer(admin).send(), field, message);
	}

	private static void assertRefused(Response response, String field, String message) {
		assertProblem(response, 400, "error.validation");
		JsonNode errors = response.json().get("errors");
		assertThat(errors).as(response.body()).anySatisfy(error -> {
			assertThat(error.get("field").asString()).isEqualTo(field);
			assertThat(error.get("message").asString()).isEqualTo(message);
		});
		assertThat(response.body()).doesNotContain("4111", "1111 1111");
	}
}
