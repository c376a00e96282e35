package dev.kervan.pipeline;

import static dev.kervan.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LeadApiIntegrationTests extends KervanIntegrationTest {

	private String admin;

	@BeforeEach
	void logIn() {
		admin = api.token("admin", ADMIN_PASSWORD);
	}

	@Test
	void aLeadBecomesAnOpportunityForANewAccount() {
		String company = Api.uniqueName("Lead Makina");
		Response created = api.post("/api/v1/leads", Map.of("title", "Forklift rental", "contactName", "Ayşe Demir",
				"companyName", company, "email", "ayse@lead.example", "phone", "0532 111 22 33", "source", "Fair",
				"expectedRevenue", "25000")).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long lead = created.json().get("id").asLong();
		assertThat(created.json().get("status").asString()).isEqualTo("NEW");
		assertThat(created.json().get("phone").asString()).isEqualTo("+905321112233");
		assertThat(created.json().get("actions").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder("CHANGE", "QUALIFY", "DISQUALIFY", "CONVERT");

		Response converted = api.post("/api/v1/leads/" + lead + "/convert", Map.of()).bearer(admin).send();
		assertThat(converted.status()).as(converted.body()).isEqualTo(200);
		long opportunity = converted.json().get("opportunityId").asLong();
		long customer = converted.json().get("customerId").asLong();
		JsonNode account = api.get("/api/v1/customers/" + customer).bearer(admin).send().json();
		assertThat(account.get("name").asString()).isEqualTo(company);
		assertThat(account.get("kind").asString()).isEqualTo("COMPANY");
		JsonNode deal = api.get("/api/v1/opportunities/" + opportunity).bearer(admin).send().json();
		assertThat(deal.get("title").asString()).isEqualTo("Forklift rental");
		assertThat(deal.get("customerId").asLong()).isEqualTo(customer);
		assertThat(deal.get("expectedRevenue").asString()).isEqualTo("25000.00");
		JsonNode after = api.get("/api/v1/leads/" + lead).bearer(admin).send().json();
		assertThat(after.get("status").asString()).isEqualTo("CONVERTED");
		assertThat(after.get("actions").isEmpty()).as(after.toString()).isTrue();
		assertProblem(api.post("/api/v1/leads/" + lead + "/convert", Map.of()).bearer(admin).send(), 409, "error.lead.closed");
	}

	@Test
	void aLeadCanJoinAnExistingAccountAndADuplicateTaxNumberIsRefused() {
		String tax = String.valueOf(4_000_000_000L + System.nanoTime() % 1_000_000_000L);
		long existing = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", Api.uniqueName("Known"), "roles",
				List.of("CUSTOMER"), "country", "TR", "taxNumber", tax)).bearer(admin).send().json().get("id").asLong();
		long first = api.post("/api/v1/leads", Map.of("title", "Second order", "companyName", "Known again")).bearer(admin).send()
			.json().get("id").asLong();
		Response joined = api.post("/api/v1/leads/" + first + "/convert", Map.of("customerId", existing)).bearer(admin).send();
		assertThat(joined.json().get("customerId").asLong()).isEqualTo(existing);

		long second = api.post("/api/v1/leads", Map.of("title", "Same company", "companyName", "Known twice")).bearer(admin).send()
			.json().get("id").asLong();
		Response duplicate = api.post("/api/v1/leads/" + second + "/convert", Map.of("taxNumber", tax)).bearer(admin).send();
		assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(409);
		assertThat(api.get("/api/v1/leads/" + second).bearer(admin).send().json().get("status").asString()).isEqualTo("NEW");
	}

	@Test
	void disqualifyingNeedsAReasonAndBadInputChangesNothing() {
		long lead = api.post("/api/v1/leads", Map.of("title", "Maybe")).bearer(admin).send().json().get("id").asLong();
		assertProblem(api.post("/api/v1/leads/" + lead + "/disqualify", Map.of()).bearer(admin).send(), 400, "error.validation");
		assertProblem(api.post("/api/v1/leads", Map.of("title", "", "email", "x", "expectedRevenue", "-3", "priority", 9))
			.bearer(admin).send(), 400, "error.validation");
		Response out = api.post("/api/v1/leads/" + lead + "/disqualify", Map.of("reason", "Student project")).bearer(admin).send();
		assertThat(out.json().get("status").asString()).isEqualTo("DISQUALIFIED");
		assertThat(api.post("/api/v1/leads/" + lead + "/reopen", Map.of()).bearer(admin).send().json().get("status").asString())
			.isEqualTo("NEW");
	}

	@Test
	void marketingBringsLeadsInAndOnlySalesConverts() {
		String marketing = api.userWithRoles(admin, "MARKETING");
		String accountant = api.userWithRoles(admin, "ACCOUNTANT");
		Response created = api.post("/api/v1/leads", Map.of("title", "From the campaign", "campaign", "Spring fair"))
			.bearer(marketing).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long lead = created.json().get("id").asLong();
		assertProblem(api.post("/api/v1/leads/" + lead + "/convert", Map.of()).bearer(marketing).send(), 403,
				"error.pipeline.forbidden");
		assertProblem(api.get("/api/v1/leads").bearer(accountant).send(), 403, "error.pipeline.forbidden");
	}

	@Test
	void leadsFromAFairAreImportedRowByRowWithRefusedRowsReported() {
		String marker = Api.uniqueName("Fuar");
		String csv = "Şirket;Ad Soyad;E-posta;Telefon;Kaynak\n"
				+ marker + " Gıda;Ayşe Kaya;ayse@fuar.example;0532 000 11 22;CeBIT\n"
				+ ";;;;\n"
				+ marker + " Tekstil;Ali Can;not-an-email;;CeBIT\n"
				+ marker + " Yapı;;;0212 555 00 00;CeBIT\n";
		Response result = new dev.kervan.support.Multipart().file("file", "fuar.csv", "text/csv",
				csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)).header("Authorization", "Bearer " + admin)
			.post(api.base() + "/api/v1/leads/import");
		assertThat(result.status()).as(result.body()).isEqualTo(200);
		assertThat(result.json().get("imported").asInt()).isEqualTo(2);
		var rows = new java.util.ArrayList<Integer>();
		result.json().get("errors").forEach(e -> rows.add(e.get("row").asInt()));
		assertThat(rows).as("the empty row is skipped, the bad address refused").containsExactly(4);
		String leads = api.get("/api/v1/leads?limit=200").bearer(admin).send().body();
		assertThat(leads).contains(marker + " Gıda", marker + " Yapı").doesNotContain(marker + " Tekstil");

		Response wrongFile = new dev.kervan.support.Multipart().file("file", "notes.csv", "text/csv",
				"colour,size\nred,9\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).header("Authorization", "Bearer " + admin)
			.post(api.base() + "/api/v1/leads/import");
		assertProblem(wrongFile, 400, "error.validation");
	}

	@Test
	void leadHeadersInPersianAndTurkishAreUnderstood() {
		String marker = Api.uniqueName("Nemayeshgah");
		String csv = "عنوان,شرکت,نام,ایمیل,تلفن,منبع,توضیحات\n"
				+ "تماس " + marker + ",پارس " + marker + ",مریم احمدی,maryam@pars.example,+98 21 8888 7777,نمایشگاه,تماس بگیرید\n";
		Response result = new dev.kervan.support.Multipart().file("file", "نمایشگاه.csv", "text/csv",
				csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)).header("Authorization", "Bearer " + admin)
			.post(api.base() + "/api/v1/leads/import");
		assertThat(result.status()).as(result.body()).isEqualTo(200);
		assertThat(result.json().get("imported").asInt()).as(result.body()).isEqualTo(1);
		JsonNode lead = jdbcLead(marker);
		assertThat(lead.get("title").asString()).isEqualTo("تماس " + marker);
		assertThat(lead.get("companyName").asString()).isEqualTo("پارس " + marker);
		assertThat(lead.get("contactName").asString()).isEqualTo("مریم احمدی");
		assertThat(lead.get("email").asString()).isEqualTo("maryam@pars.example");
		assertThat(lead.get("source").asString()).isEqualTo("نمایشگاه");
		assertThat(lead.get("notes").asString()).isEqualTo("تماس بگیرید");
	}

	private JsonNode jdbcLead(String marker) {
		long id = jdbc.sql("select id from lead where title like :t").param("t", "%" + marker + "%").query(Long.class).single();
		return api.get("/api/v1/leads/" + id).bearer(admin).send().json();
	}
}
