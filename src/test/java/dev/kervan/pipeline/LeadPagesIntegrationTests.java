package dev.kervan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.PageIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LeadPagesIntegrationTests extends PageIntegrationTest {

	@Test
	void everyFieldOfALeadIsEditedOnItsPageAndARefusalChangesNothing() {
		JsonNode created = api.post("/api/v1/leads", Map.of("title", Api.uniqueName("Editable lead"), "contactName",
				"Ayşe Demir")).bearer(admin).send().json();
		long id = created.get("id").asLong();
		String page = "/pipeline/leads/" + id;
		assertThat(browser.get(page).body()).contains("id=\"lead-form\"", "id=\"f-expectedRevenue\"", "id=\"f-notes\"");

		Response refused = browser.submit(page, page, Map.of("version", created.get("version").asString(), "title",
				"Changed", "email", "not an address"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("f-email-error", "value=\"Changed\"");
		assertThat(api.get("/api/v1/leads/" + id).bearer(admin).send().json().get("title").asString())
			.isEqualTo(created.get("title").asString());

		Response saved = browser.submit(page, page, Map.ofEntries(Map.entry("version", created.get("version").asString()),
				Map.entry("title", "Forklift fleet renewal"), Map.entry("contactName", "Ayşe Demir"),
				Map.entry("companyName", "Demir Lojistik"), Map.entry("email", "ayse@demir.example"), Map.entry("country", "IR"),
				Map.entry("campaign", "Fuar 2026"), Map.entry("expectedRevenue", "40000"), Map.entry("currency", "EUR"),
				Map.entry("priority", "3"), Map.entry("tags", "filo"), Map.entry("notes", "Called twice.")));
		assertThat(saved.status()).isEqualTo(302);
		JsonNode now = api.get("/api/v1/leads/" + id).bearer(admin).send().json();
		assertThat(now.get("title").asString()).isEqualTo("Forklift fleet renewal");
		assertThat(now.get("companyName").asString()).isEqualTo("Demir Lojistik");
		assertThat(now.get("country").asString()).isEqualTo("IR");
		assertThat(now.get("expectedRevenue").asString()).isEqualTo("40000.00");
		assertThat(now.get("currency").asString()).isEqualTo("EUR");
		assertThat(now.get("priority").asInt()).isEqualTo(3);
		assertThat(now.get("notes").asString()).isEqualTo("Called twice.");
		assertThat(browser.get(page).body()).contains("Lead saved.");
	}

	@Test
	void aLeadIsEnteredRefusedBesideItsFieldsAndConvertedOnThePages() {
		assertThat(browser.get("/pipeline/leads").status()).isEqualTo(200);
		Response refused = browser.submit("/pipeline/leads", "/pipeline/leads", Map.of("title", "", "email", "nope"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("f-title-error", "f-email-error");

		String company = Api.uniqueName("Sayfa Lojistik");
		Response created = browser.submit("/pipeline/leads", "/pipeline/leads", Map.of("title", "Forklift <rental>", "companyName",
				company, "contactName", "Mehmet Öz", "email", "mehmet@sayfa.example"));
		assertThat(created.status()).isEqualTo(302);
		String page = created.header("Location").orElseThrow().replace(api.base(), "");
		assertThat(browser.get(page).body()).contains("Forklift &lt;rental&gt;", "id=\"convert-form\"");

		Response noReason = browser.submit(page, page + "/disqualify", Map.of("version", "0", "reason", ""));
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(noReason.body()).contains("f-reason-error");

		Response converted = browser.submit(page, page + "/convert", Map.of("version", "0", "customerId", "", "taxNumber", ""));
		assertThat(converted.status()).isEqualTo(302);
		assertThat(converted.header("Location").orElseThrow()).contains("/pipeline/opportunities/");
		assertThat(browser.get(page).body()).contains("id=\"lead-status\">Converted");
		assertThat(browser.get("/pipeline/leads").body()).contains("id=\"import-leads\"", "enctype=\"multipart/form-data\"");
	}
}
