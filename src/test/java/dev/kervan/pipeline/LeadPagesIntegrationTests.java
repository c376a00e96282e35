package dev.kervan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.PageIntegrationTest;
import org.junit.jupiter.api.Test;

class LeadPagesIntegrationTests extends PageIntegrationTest {

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
