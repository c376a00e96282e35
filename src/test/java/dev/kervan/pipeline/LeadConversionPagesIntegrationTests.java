package dev.kervan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.PageIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Converting a lead on its page into an account chosen with the account picker. */
class LeadConversionPagesIntegrationTests extends PageIntegrationTest {

	@Test
	void theAccountChosenWithThePickerIsTheOneTheLeadJoins() {
		String name = Api.uniqueName("Trakya Yapı ");
		long account = account(name);
		String page = "/pipeline/leads/" + lead(Api.uniqueName("Trakya"));

		Response converted = browser.submit(page, page + "/convert", Map.of("version", "0", "customerId", String.valueOf(account),
				"customerId-text", name, "taxNumber", ""));

		assertThat(converted.status()).as(converted.body()).isEqualTo(302);
		JsonNode lead = api.get("/api/v1" + page.replace("/pipeline", "")).bearer(admin).send().json();
		assertThat(lead.get("status").asString()).isEqualTo("CONVERTED");
		assertThat(lead.get("customerId").asLong()).isEqualTo(account);
	}

	@Test
	void aRefusedConversionShowsTheChosenAccountByItsNameAgainAndConvertsNothing() {
		String name = Api.uniqueName("Marmara İnşaat ");
		long account = account(name);
		String page = "/pipeline/leads/" + lead(Api.uniqueName("Marmara"));

		Response refused = browser.submit(page, page + "/convert", Map.of("version", "0", "customerId", String.valueOf(account),
				"customerId-text", name, "taxNumber", "1".repeat(21)));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"f-taxNumber-error\"")
			.containsPattern("role=\"combobox\"[^>]*id=\"f-customerId\" name=\"customerId-text\"\\s+value=\"" + name + "\"")
			.contains("type=\"hidden\" class=\"kervan-picker-value\" name=\"customerId\" value=\"" + account + "\"")
			.doesNotContain("id=\"f-customerId-error\"");
		assertThat(api.get("/api/v1" + page.replace("/pipeline", "")).bearer(admin).send().json().get("status").asString())
			.isEqualTo("NEW");
	}

	@Test
	void aNameTypedWithoutChoosingAnAccountIsRefusedBesideTheFieldInsteadOfOpeningANewAccount() {
		String company = Api.uniqueName("Ege Tekstil ");
		String page = "/pipeline/leads/" + lead(company);

		Response refused = browser.submit(page, page + "/convert", Map.of("version", "0", "customerId", "",
				"customerId-text", "Ege Teks", "taxNumber", ""));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"f-customerId-error\"", "&quot;Ege Teks&quot; chose no record", "value=\"Ege Teks\"");
		assertThat(api.get("/api/v1" + page.replace("/pipeline", "")).bearer(admin).send().json().get("status").asString())
			.isEqualTo("NEW");
		assertThat(api.get("/api/v1/customers?q=" + company.replace(" ", "+")).bearer(admin).send().json().get("items")).isEmpty();
	}

	@Test
	void clearingThePickersTextClearsTheChoiceEvenWhenTheIdIsStillSent() {
		long account = account(Api.uniqueName("Cleared "));
		String company = Api.uniqueName("Yeni Firma ");
		String page = "/pipeline/leads/" + lead(company);

		Response converted = browser.submit(page, page + "/convert", Map.of("version", "0", "customerId", String.valueOf(account),
				"customerId-text", "", "taxNumber", ""));

		assertThat(converted.status()).as(converted.body()).isEqualTo(302);
		long joined = api.get("/api/v1" + page.replace("/pipeline", "")).bearer(admin).send().json().get("customerId").asLong();
		assertThat(joined).isNotEqualTo(account);
		assertThat(api.get("/api/v1/customers/" + joined).bearer(admin).send().json().get("name").asString()).isEqualTo(company);
	}

	private long account(String name) {
		Response created = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", name, "roles", List.of("CUSTOMER"),
				"country", "TR")).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private long lead(String company) {
		Response created = api.post("/api/v1/leads", Map.of("title", "Forklift", "companyName", company)).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}
}
