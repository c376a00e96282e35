package dev.kervan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.Browserless;
import dev.kervan.support.PageIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PipelineSettingsPagesIntegrationTests extends PageIntegrationTest {

	@Test
	void managersKeepTeamsStagesAndLostReasonsOnTheSettingsPage() {
		String team = Api.uniqueName("Ege ekibi");
		browser.submit("/pipeline/settings", "/pipeline/settings/teams", Map.of("name", team, "monthlyTarget", "-5"));
		assertThat(browser.get("/pipeline/settings").body()).contains("settings-problem", "Monthly target: ").doesNotContain("monthlyTarget:");
		assertThat(browser.submit("/pipeline/settings", "/pipeline/settings/teams", Map.of("name", team, "region", "Ege",
				"monthlyTarget", "150000")).status()).isEqualTo(302);
		long teamId = 0;
		for (var t : api.get("/api/v1/sales-teams").bearer(admin).send().json().get("items")) {
			if (t.get("name").asString().equals(team)) {
				teamId = t.get("id").asLong();
			}
		}
		assertThat(teamId).isPositive();
		browser.submit("/pipeline/settings?teamId=" + teamId, "/pipeline/settings/stages", Map.of("teamId", String.valueOf(teamId),
				"name", "İlk temas", "probability", "15"));
		assertThat(browser.get("/pipeline/settings?teamId=" + teamId).body()).contains("İlk temas", "15%");

		String reason = Api.uniqueName("Teslim süresi uzun");
		browser.submit("/pipeline/settings", "/pipeline/settings/lost-reasons", Map.of("name", reason));
		assertThat(api.get("/api/v1/lost-reasons").bearer(admin).send().body()).contains(reason);

		String seller = api.userWithRoles(admin, "SALESPERSON");
		String username = api.get("/api/v1/me").bearer(seller).send().json().get("username").asString();
		Browserless salesperson = new Browserless(api.base()).loggedInAs(username, Api.PASSWORD);
		Response readOnly = salesperson.get("/pipeline/settings");
		assertThat(readOnly.status()).isEqualTo(200);
		assertThat(readOnly.body()).doesNotContain("id=\"add-team\"");
		assertThat(salesperson.submit("/pipeline/settings", "/pipeline/settings/lost-reasons", Map.of("name", "Not allowed"))
			.status()).as("a refusal of the role is no matter of the form: the error page answers it").isEqualTo(403);
		assertThat(api.get("/api/v1/lost-reasons").bearer(admin).send().body()).doesNotContain("Not allowed");
	}

	@Test
	void retiringAReasonSendsTheVersionTheManagerSawAndAStaleOneIsRefused() {
		long reason = api.post("/api/v1/lost-reasons", Map.of("name", Api.uniqueName("Fiyat"))).bearer(admin).send().json().get("id")
			.asLong();
		String action = "/pipeline/settings/lost-reasons/" + reason + "/active";
		assertThat(browser.get("/pipeline/settings").body()).contains(action);
		browser.submit("/pipeline/settings", action, Map.of("active", "false", "version", "0"));
		assertThat(api.get("/api/v1/lost-reasons/" + reason).bearer(admin).send().json().get("active").asBoolean()).isFalse();

		browser.submit("/pipeline/settings", action, Map.of("active", "true", "version", "0"));
		assertThat(browser.get("/pipeline/settings").body()).contains("settings-problem", "Somebody changed this lost-reason");
		JsonNode unchanged = api.get("/api/v1/lost-reasons/" + reason).bearer(admin).send().json();
		assertThat(unchanged.get("active").asBoolean()).isFalse();
		assertThat(unchanged.get("version").asLong()).isEqualTo(1);
	}

	@Test
	void theSegmentsFormSendsTheSettingsVersionAndAStaleOneIsRefused() {
		JsonNode before = api.get("/api/v1/pipeline-settings").bearer(admin).send().json();
		String version = before.get("version").asString();
		browser.submit("/pipeline/settings", "/pipeline/settings/segments", Map.of("segmentA", "1000", "segmentB", "500", "version",
				String.valueOf(before.get("version").asLong() + 1)));
		assertThat(browser.get("/pipeline/settings").body()).contains("settings-problem", "Somebody changed this pipeline-settings");
		assertThat(api.get("/api/v1/pipeline-settings").bearer(admin).send().json()).isEqualTo(before);
		browser.submit("/pipeline/settings", "/pipeline/settings/segments", Map.of("segmentA", before.get("segmentA").asString(),
				"segmentB", before.get("segmentB").asString(), "version", version));
		assertThat(browser.get("/pipeline/settings").body()).doesNotContain("settings-problem");
		assertThat(api.get("/api/v1/pipeline-settings").bearer(admin).send().json()).as("the same values change nothing")
			.isEqualTo(before);
	}

	@Test
	void aManagerGivesACurrencyBoundsOfItsOwnTypedAsTheyWriteThemAndRemovesThem() {
		String version = api.get("/api/v1/pipeline-settings").bearer(admin).send().json().get("version").asString();
		assertThat(browser.get("/pipeline/settings").body()).contains("id=\"add-currency-segments\"");
		browser.submit("/pipeline/settings", "/pipeline/settings/segments/currency", Map.of("currency", "USD", "segmentA", "7,500.50",
				"segmentB", "1,000", "version", version));
		JsonNode usd = api.get("/api/v1/pipeline-settings").bearer(admin).send().json().get("segmentsByCurrency").get("USD");
		assertThat(usd.get("segmentA").asString()).isEqualTo("7500.50");
		assertThat(usd.get("segmentB").asString()).isEqualTo("1000");
		assertThat(browser.get("/pipeline/settings").body()).contains("id=\"segments-USD\"", "value=\"7,500.50\"");

		version = api.get("/api/v1/pipeline-settings").bearer(admin).send().json().get("version").asString();
		browser.submit("/pipeline/settings", "/pipeline/settings/segments/currency", Map.of("currency", "USD", "segmentA", "100",
				"segmentB", "900", "version", version));
		assertThat(browser.get("/pipeline/settings").body()).contains("settings-problem");
		assertThat(api.get("/api/v1/pipeline-settings").bearer(admin).send().json().get("segmentsByCurrency").get("USD")
			.get("segmentA").asString()).as("a refused change keeps the bounds").isEqualTo("7500.50");

		browser.submit("/pipeline/settings", "/pipeline/settings/segments/currency/USD/delete", Map.of("version", version));
		assertThat(api.get("/api/v1/pipeline-settings").bearer(admin).send().json().get("segmentsByCurrency").has("USD")).isFalse();
		assertThat(browser.get("/pipeline/settings").body()).doesNotContain("id=\"segments-USD\"");
	}
}
