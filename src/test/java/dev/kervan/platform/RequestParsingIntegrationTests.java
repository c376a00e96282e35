package dev.kervan.platform;

import static dev.kervan.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.Browserless;
import dev.kervan.support.PageIntegrationTest;
import dev.kervan.support.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Requests that cannot be read are refused with a 4xx, problem+json for the API and the friendly error page for
 * people, whoever meets the failure first (Tomcat, a filter, the multipart resolver, a controller), and are not
 * logged as incidents.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestParsingIntegrationTests extends PageIntegrationTest {

	private static final String MALFORMED_MULTIPART = "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; "
			+ "filename=\"a.csv\"\r\n\r\nname\nAcme";

	private RawHttp raw;

	@BeforeEach
	void rawClient() {
		raw = new RawHttp(port);
	}

	@Test
	void anEmptyParameterNameOrAnUndecodableEscapeIsA400ProblemOnEveryEndpoint(CapturedOutput log) {
		for (String target : List.of("/api/v1/me?=1", "/api/v1/customers?q=%C3", "/api/v1/customers?q=%FF",
				"/api/v1/customers?q=%", "/api/v1/customers?q=%C3%28", "/api/v1/customers?cursor=%FF%FE",
				"/api/v1/products?q=%FF&limit=5", "/actuator/health?q=%FF", "/api/v1/users/1?%=x")) {
			Response answer = raw.get(target, "Authorization", "Bearer " + admin, "Accept-Language", "tr");
			assertProblem(answer, 400, "error.request.parameters");
			assertThat(answer.json().get("title").asString()).as(target).isEqualTo("Geçersiz istek");
		}
		assertThat(log.getOut()).doesNotContain("Unexpected failure", "InvalidParameterException");
	}

	@Test
	void aPageWithAnUndecodableQueryStringAnswersTheFriendlyErrorPage(CapturedOutput log) {
		for (String target : List.of("/customers?q=%FF", "/?=1", "/login?q=%")) {
			Response answer = raw.get(target, "Accept", "text/html", "Accept-Language", "fa");
			assertThat(answer.status()).as(target).isEqualTo(400);
			assertThat(answer.contentType()).startsWith("text/html");
			assertThat(answer.body()).contains("dir=\"rtl\"", "این درخواست مشکلی دارد").doesNotContain("Exception");
		}
		assertThat(log.getOut()).doesNotContain("Servlet.service()", "InvalidParameterException");
	}

	@Test
	void aFormThatCannotBeDecodedIsA400AndChangesNothing() {
		String name = Api.uniqueName("Form ");
		long id = createCustomer(name);
		var form = List.<String[]>of(new String[] { "Content-Type", "application/x-www-form-urlencoded" },
				new String[] { "Authorization", "Bearer " + admin });
		Response put = raw.send("PATCH", "/api/v1/customers/" + id, form, "name=%".getBytes(StandardCharsets.US_ASCII));
		assertProblem(put, 400, "error.request.parameters");
		Response login = raw.send("POST", "/login", List.<String[]>of(new String[] { "Content-Type",
				"application/x-www-form-urlencoded" }), "username=%FF%&password=x".getBytes(StandardCharsets.US_ASCII));
		assertThat(login.status()).isEqualTo(400);
		assertThat(login.contentType()).startsWith("text/html");
		assertThat(api.get("/api/v1/customers/" + id).bearer(admin).send().json().get("name").asString()).isEqualTo(name);
	}

	@Test
	void aMalformedMultipartBodyIsA400ProblemOnEveryUploadEndpoint() {
		long customer = createCustomer(Api.uniqueName("Upload "));
		long product = createProduct();
		long priceList = api.post("/api/v1/price-lists", Map.of("name", Api.uniqueName("Upload list"), "currency", "TRY"))
			.bearer(admin).send().json().get("id").asLong();
		long warehouse = api.post("/api/v1/warehouses", Map.of("code", Api.uniqueName("W").toUpperCase(), "name", "Upload"))
			.bearer(admin).send().json().get("id").asLong();
		for (String endpoint : uploadEndpoints(customer, product, priceList, warehouse)) {
			for (String[] body : List.of(new String[] { "multipart/form-data; boundary=XYZ", MALFORMED_MULTIPART },
					new String[] { "multipart/form-data", "junk" })) {
				Response answer = raw.send("POST", endpoint, List.of(new String[] { "Content-Type", body[0] },
						new String[] { "Authorization", "Bearer " + admin }, new String[] { "Idempotency-Key", Api.uniqueName("k") }),
						body[1].getBytes(StandardCharsets.UTF_8));
				assertProblem(answer, 400, "error.upload.malformed");
			}
		}
		assertThat(api.get("/api/v1/customers/" + customer + "/attachments").bearer(admin).send().json().get("items")).isEmpty();
		assertThat(api.get("/api/v1/products/" + product + "/attachments").bearer(admin).send().json().get("items")).isEmpty();
	}

	@Test
	void aBrokenOrOversizedUploadOnAPageAnswersTheFriendlyErrorPage() {
		long customer = createCustomer(Api.uniqueName("Page upload "));
		String page = "/customers/" + customer;
		String session = "SESSION=" + browser.cookie("SESSION");
		Response malformed = raw.send("POST", page + "/files", List.of(new String[] { "Content-Type",
				"multipart/form-data; boundary=XYZ" }, new String[] { "Cookie", session }, new String[] { "Accept", "text/html" }),
				MALFORMED_MULTIPART.getBytes(StandardCharsets.UTF_8));
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).startsWith("text/html");
		assertThat(malformed.body()).contains("The multipart/form-data body could not be read");

		Response large = raw.send("POST", page + "/files", List.of(new String[] { "Content-Type",
				"multipart/form-data; boundary=XYZ" }, new String[] { "Cookie", session }, new String[] { "Accept", "text/html" }),
				overLimit("_csrf", Browserless.csrfOf(browser.get(page).body())));
		assertThat(large.status()).isEqualTo(413);
		assertThat(large.body()).contains("The file is too large", "25 MB", "30 MB");
		assertThat(api.get("/api/v1/customers/" + customer + "/attachments").bearer(admin).send().json().get("items")).isEmpty();
	}

	@Test
	void jsonSentToAnUploadEndpointIsA415ProblemLikeEveryImporter() {
		int leadsBefore = leadCount();
		for (String endpoint : List.of("/api/v1/leads/import", "/api/v1/products/import", "/api/v1/customers/import")) {
			Response answer = api.post(endpoint, Map.of("file", "title\nLead")).bearer(admin).send();
			assertProblem(answer, 415, "error.media-type.multipart");
			assertThat(answer.json().get("detail").asString()).contains("multipart/form-data");
		}
		assertThat(leadCount()).isEqualTo(leadsBefore);
	}

	@Test
	void aBodyOfAMediaTypeNoEndpointReadsIsA415Problem() {
		for (String type : List.of("text/plain", "*/*", "application/*", "///", "application/xml")) {
			Response answer = api.call("POST", "/api/v1/customers").header("Content-Type", type).raw("{}").bearer(admin).send();
			assertThat(answer.status()).as(type).isEqualTo(415);
			assertThat(answer.contentType()).as(type).startsWith("application/problem+json");
		}
		assertProblem(api.call("POST", "/api/v1/customers").header("Content-Type", "*/*").raw("{}").bearer(admin).send(), 415,
				"error.media-type");
	}

	@Test
	void anUploadOverTheLimitIsA413ProblemNamingTheLimits() {
		Response answer = raw.send("POST", "/api/v1/leads/import", List.of(new String[] { "Content-Type",
				"multipart/form-data; boundary=XYZ" }, new String[] { "Authorization", "Bearer " + admin }), overLimit("x", "y"));
		assertProblem(answer, 413, "error.upload.too-large");
		assertThat(answer.json().get("detail").asString()).contains("25 MB", "30 MB");
	}

	@Test
	void aRequestLineOrHeadersTooLongForTomcatAreA400ProblemUnderTheApiAndTheErrorPageElsewhere() {
		String longQuery = "?q=" + "a".repeat(9000);
		assertProblem(raw.get("/api/v1/customers" + longQuery, "Authorization", "Bearer " + admin), 400,
				"error.request.unreadable");
		Response longHeader = raw.get("/api/v1/customers", "Authorization", "Bearer " + admin, "X-Long", "b".repeat(10_000));
		assertProblem(longHeader, 400, "error.request.unreadable");
		assertThat(longHeader.json().get("detail").asString()).contains("8 KB");
		var many = new ArrayList<String[]>();
		for (int i = 0; i < 120; i++) {
			many.add(new String[] { "X-Header-" + i, "c".repeat(100) });
		}
		assertProblem(raw.send("GET", "/api/v1/customers", many, null), 400, "error.request.unreadable");
		assertProblem(raw.get("/api/v1/customers/%", "Authorization", "Bearer " + admin), 400, "error.request.unreadable");
		assertProblem(raw.get("/customers/%", "Accept", "application/json"), 400, "error.request.unreadable");
		assertProblem(raw.send("POST", "/api/v1/customers", List.<String[]>of(new String[] { "Transfer-Encoding", "gzip" }),
				null), 501, "error.status.501");

		Response page = raw.get("/customers/%", "Accept", "text/html", "Accept-Language", "tr");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.body()).contains("Bu istekte bir sorun var", "/css/kervan.css").doesNotContain("Tomcat");
		Response longPage = raw.get("/customers", "Accept", "text/html", "X-Long", "b".repeat(10_000));
		assertThat(longPage.status()).isEqualTo(400);
		assertThat(longPage.body()).contains("Something is wrong with this request");
	}

	/**
	 * A multipart body of a field and a file of 31 MB, over both limits. Sent raw: Java's HTTP client loses the early
	 * answer when the server stops reading and closes the connection.
	 */
	private static byte[] overLimit(String field, String value) {
		var body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--XYZ\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value
				+ "\r\n--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes("a".repeat(31 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII));
		body.writeBytes("\r\n--XYZ--\r\n".getBytes(StandardCharsets.US_ASCII));
		return body.toByteArray();
	}

	private List<String> uploadEndpoints(long customer, long product, long priceList, long warehouse) {
		return List.of("/api/v1/customers/import", "/api/v1/customers/import/preview", "/api/v1/leads/import",
				"/api/v1/products/import", "/api/v1/price-lists/" + priceList + "/import",
				"/api/v1/stock-moves/import?warehouseId=" + warehouse, "/api/v1/customers/" + customer + "/attachments",
				"/api/v1/products/" + product + "/attachments");
	}

	private long createCustomer(String name) {
		Response created = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", name, "roles", List.of("CUSTOMER")))
			.bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private long createProduct() {
		Response created = api.post("/api/v1/products", Map.of("code", Api.uniqueName("P").toUpperCase(), "name", "Upload"))
			.bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private int leadCount() {
		return jdbc.sql("select count(*) from lead").query(Integer.class).single();
	}
}
