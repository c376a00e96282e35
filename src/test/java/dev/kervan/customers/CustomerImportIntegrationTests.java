package dev.kervan.customers;

import static dev.kervan.customers.CustomerApiIntegrationTests.uniqueWord;
import static dev.kervan.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.kervan.platform.TableExport;
import dev.kervan.support.Api.Response;
import dev.kervan.support.KervanIntegrationTest;
import dev.kervan.support.Multipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CustomerImportIntegrationTests extends KervanIntegrationTest {

	private String admin;

	@BeforeEach
	void logIn() {
		admin = api.token("admin", ADMIN_PASSWORD);
	}

	@Test
	void goodRowsAreImportedBadOnesReportedAndAReimportCreatesNoDuplicates() {
		String marker = uniqueWord();
		long base = 3_000_000_000L + (System.nanoTime() % 1_000_000_000L);
		String csv = "kind,name,taxNumber,country,email,phone\n"
				+ "COMPANY,Boğaziçi " + marker + " Ltd," + base + ",TR,info@bogazici.example,0212 555 01 01\n"
				+ "COMPANY,Broken Mail " + marker + "," + (base + 1) + ",TR,not-an-email,\n"
				+ "PERSON,Zehra Çınar " + marker + "," + (base + 2) + "1,TR,zehra@example.com,+90 533 111 22 33\n"
				+ "COMPANY,Bad Tax " + marker + ",12,TR,,\n"
				+ "COMPANY,پارس " + marker + ",1234567890,IR,sales@pars.example,+98 21 8888 7777\n";
		JsonNode first = runImport("customers.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(first.get("status").asString()).isEqualTo("DONE");
		assertThat(first.get("imported").asInt()).isEqualTo(3);
		assertThat(first.get("processed").asInt()).isEqualTo(5);
		List<Integer> badRows = first.get("errors").valueStream().map(e -> e.get("row").asInt()).toList();
		assertThat(badRows).containsExactly(3, 5);
		assertThat(first.get("errors").get(0).get("message").asString()).contains("Email");
		assertThat(first.get("errors").get(1).get("message").asString()).contains("Tax number");

		JsonNode second = runImport("customers.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(second.get("imported").asInt()).isZero();
		assertThat(second.get("updated").asInt()).isEqualTo(3);
		assertThat(jdbc.sql("select count(*) from customer where name like :m").param("m", "%" + marker + "%")
			.query(Long.class).single()).isEqualTo(3);

		JsonNode found = api.get("/api/v1/customers?q=" + URLEncoder.encode("bogazici " + marker, StandardCharsets.UTF_8))
			.bearer(admin).send().json();
		assertThat(found.get("items").get(0).get("phone").asString()).isEqualTo("+902125550101");
		assertThat(jdbc.sql("select count(*) from audit_log where field = 'import' and new_value = 'customers.csv'")
			.query(Long.class).single()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void turkishExcelFilesWithSemicolonsAndLocalHeadersAreUnderstood() {
		String marker = uniqueWord();
		String csv = "Ad / unvan;Vergi / TC kimlik no;Ülke;Telefon;Etiketler\n"
				+ "Çağlayan " + marker + " Tekstil;" + (4_000_000_000L + System.nanoTime() % 1_000_000_000L)
				+ ";TR;0 232 444 55 66;ege, ihracat\n";
		JsonNode job = runImport("liste.csv", "text/csv", csv.getBytes(Charset.forName("windows-1254")));
		assertThat(job.get("imported").asInt()).as(job.toString()).isEqualTo(1);
		JsonNode found = api.get("/api/v1/customers?q=" + URLEncoder.encode("caglayan " + marker, StandardCharsets.UTF_8))
			.bearer(admin).send().json().get("items").get(0);
		assertThat(found.get("name").asString()).isEqualTo("Çağlayan " + marker + " Tekstil");
		assertThat(found.get("tags").toString()).contains("ege", "ihracat");
	}

	@Test
	void xlsxFilesImportToo() {
		String marker = uniqueWord();
		var out = new ByteArrayOutputStream();
		TableExport.write(TableExport.Format.XLSX, out, "Sheet1", List.of("name", "externalRef", "email"), rows -> {
			rows.add(List.of("Excel " + marker + " One", "EXT-" + marker + "-1", "one@example.com"));
			rows.add(List.of("Excel " + marker + " Two", "EXT-" + marker + "-2", "two@example.com"));
		});
		JsonNode job = runImport("list.xlsx", TableExport.Format.XLSX.contentType(), out.toByteArray());
		assertThat(job.get("imported").asInt()).as(job.toString()).isEqualTo(2);
		JsonNode again = runImport("list.xlsx", TableExport.Format.XLSX.contentType(), out.toByteArray());
		assertThat(again.get("updated").asInt()).isEqualTo(2);
	}

	@Test
	void anExplicitMappingWinsAndAMissingNameColumnIsRefusedAtOnce() {
		String marker = uniqueWord();
		byte[] csv = ("Firma,Mail\nMapped " + marker + ",mapped@example.com\n").getBytes(StandardCharsets.UTF_8);
		Response refused = new Multipart().file("file", "x.csv", "text/csv", csv)
			.header("Authorization", "Bearer " + admin)
			.post(api.base() + "/api/v1/customers/import");
		assertProblem(refused, 400, "error.validation");
		Response started = new Multipart().file("file", "x.csv", "text/csv", csv)
			.field("mapping", "{\"name\":\"Firma\",\"email\":\"Mail\"}")
			.header("Authorization", "Bearer " + admin)
			.post(api.base() + "/api/v1/customers/import");
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		assertThat(poll(started.header("Location").orElseThrow()).get("imported").asInt()).isEqualTo(1);
		assertProblem(new Multipart().file("file", "notes.pdf", "application/pdf", "%PDF-1.4".getBytes())
			.header("Authorization", "Bearer " + admin)
			.post(api.base() + "/api/v1/customers/import"), 400, "error.validation");
	}

	@Test
	void aMappingThatIsNullOrNamesNoColumnIsNoMappingOrRefused() {
		String marker = uniqueWord();
		byte[] csv = ("name,email\nNull mapping " + marker + ",null@example.com\n").getBytes(StandardCharsets.UTF_8);
		Response guessed = new Multipart().file("file", "x.csv", "text/csv", csv)
			.field("mapping", "null")
			.header("Authorization", "Bearer " + admin)
			.post(api.base() + "/api/v1/customers/import");
		assertThat(guessed.status()).as(guessed.body()).isEqualTo(202);
		assertThat(poll(guessed.header("Location").orElseThrow()).get("imported").asInt()).isEqualTo(1);
		assertProblem(new Multipart().file("file", "x.csv", "text/csv", csv)
			.field("mapping", "{\"name\": null}")
			.header("Authorization", "Bearer " + admin)
			.post(api.base() + "/api/v1/customers/import"), 400, "error.validation");
	}

	@Test
	void thePreviewGuessesTheMappingFromHeadersInAnyLanguage() {
		byte[] csv = "kind,name,taxNumber,Ülke,E-posta,تلفن\nCOMPANY,X,1234567890,TR,x@example.com,0212 555 00 00\n"
			.getBytes(StandardCharsets.UTF_8);
		Response preview = new Multipart().file("file", "x.csv", "text/csv", csv)
			.header("Authorization", "Bearer " + admin)
			.post(api.base() + "/api/v1/customers/import/preview");
		assertThat(preview.status()).as(preview.body()).isEqualTo(200);
		JsonNode mapping = preview.json().get("mapping");
		assertThat(mapping.get("name").asString()).isEqualTo("name");
		assertThat(mapping.get("country").asString()).isEqualTo("Ülke");
		assertThat(mapping.get("email").asString()).isEqualTo("E-posta");
		assertThat(mapping.get("phone").asString()).isEqualTo("تلفن");
		assertThat(preview.json().get("total").asInt()).isEqualTo(1);
	}

	@Test
	void onlyManagersImport() {
		String salesperson = api.userWithRoles(admin, "SALESPERSON");
		Response response = new Multipart().file("file", "x.csv", "text/csv", "name\nX\n".getBytes())
			.header("Authorization", "Bearer " + salesperson)
			.post(api.base() + "/api/v1/customers/import");
		assertProblem(response, 403, "error.import.forbidden");
	}

	private JsonNode runImport(String filename, String type, byte[] content) {
		Response started = new Multipart().file("file", filename, type, content)
			.header("Authorization", "Bearer " + admin)
			.post(api.base() + "/api/v1/customers/import");
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		assertThat(started.json().get("id").asString()).isNotBlank();
		return poll(started.header("Location").orElseThrow());
	}

	private JsonNode poll(String location) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode job = api.get(location).bearer(admin).send().json();
			if (!job.get("status").asString().equals("RUNNING")) {
				return job;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		throw new AssertionError("The import did not finish in 30 s");
	}
}
