package dev.kervan.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Browserless;
import dev.kervan.support.PageIntegrationTest;
import org.junit.jupiter.api.Test;

class ActivityTypePagesIntegrationTests extends PageIntegrationTest {

	@Test
	void administratorsAddAndRetireActivityTypes() {
		String name = Api.uniqueName("Site visit");
		browser.submit("/activities/types", "/activities/types", Map.of("name", "", "category", "MEETING"));
		assertThat(browser.get("/activities/types").body()).contains("types-problem");
		browser.submit("/activities/types", "/activities/types", Map.of("name", name, "category", "MEETING", "delayDays", "3",
				"defaultSummary", "Visit the site"));
		var type = api.get("/api/v1/activity-types").bearer(admin).send().json().get("items");
		long id = 0;
		for (var t : type) {
			if (t.get("name").asString().equals(name)) {
				id = t.get("id").asLong();
				assertThat(t.get("delayDays").asInt()).isEqualTo(3);
			}
		}
		assertThat(id).isPositive();
		browser.submit("/activities/types", "/activities/types/" + id + "/active", Map.of("active", "false", "version", "0"));
		assertThat(api.get("/api/v1/activity-types/" + id).bearer(admin).send().json().get("active").asBoolean()).isFalse();

		String seller = api.userWithRoles(admin, "SALESPERSON");
		String username = api.get("/api/v1/me").bearer(seller).send().json().get("username").asString();
		Browserless salesperson = new Browserless(api.base()).loggedInAs(username, Api.PASSWORD);
		assertThat(salesperson.get("/activities/types").body()).contains(name).doesNotContain("id=\"add-type\"");
	}

	@Test
	void aStaleOrVersionlessToggleIsRefusedOnThePageAndChangesNothing() {
		long id = api.post("/api/v1/activity-types", Map.of("name", Api.uniqueName("Demo"), "category", "MEETING")).bearer(admin)
			.send().json().get("id").asLong();
		browser.submit("/activities/types", "/activities/types/" + id + "/active", Map.of("active", "false", "version", "3"));
		assertThat(browser.get("/activities/types").body()).contains("types-problem", "Somebody changed this activity-type");
		browser.submit("/activities/types", "/activities/types/" + id + "/active", Map.of("active", "false"));
		assertThat(browser.get("/activities/types").body()).contains("types-problem", "This form did not say which version");
		var type = api.get("/api/v1/activity-types/" + id).bearer(admin).send().json();
		assertThat(type.get("active").asBoolean()).isTrue();
		assertThat(type.get("version").asLong()).isZero();
	}
}
