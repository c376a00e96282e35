package dev.kervan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.Browserless;
import dev.kervan.support.PageIntegrationTest;
import org.junit.jupiter.api.Test;

class PipelineSettingsPagesIntegrationTests extends PageIntegrationTest {

	@Test
	void managersKeepTeamsStagesAndLostReasonsOnTheSettingsPage() {
		String team = Api.uniqueName("Ege ekibi");
		browser.submit("/pipeline/settings", "/pipeline/settings/teams", Map.of("name", team, "monthlyTarget", "-5"));
		assertThat(browser.get("/pipeline/settings").body()).contains("settings-problem", "monthlyTarget");
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
		assertThat(browser.get("/pipeline/settings?teamId=" + teamId).body()).contains("İlk temas", "15 %");

		String reason = Api.uniqueName("Teslim süresi uzun");
		browser.submit("/pipeline/settings", "/pipeline/settings/lost-reasons", Map.of("name", reason));
		assertThat(api.get("/api/v1/lost-reasons").bearer(admin).send().body()).contains(reason);

		String seller = api.userWithRoles(admin, "SALESPERSON");
		String username = api.get("/api/v1/me").bearer(seller).send().json().get("username").asString();
		Browserless salesperson = new Browserless(api.base()).loggedInAs(username, Api.PASSWORD);
		Response readOnly = salesperson.get("/pipeline/settings");
		assertThat(readOnly.status()).isEqualTo(200);
		assertThat(readOnly.body()).doesNotContain("id=\"add-team\"");
		salesperson.submit("/pipeline/settings", "/pipeline/settings/lost-reasons", Map.of("name", "Not allowed"));
		assertThat(salesperson.get("/pipeline/settings").body()).contains("settings-problem");
		assertThat(api.get("/api/v1/lost-reasons").bearer(admin).send().body()).doesNotContain("Not allowed");
	}
}
