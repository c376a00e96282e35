package dev.kervan.identity;

import static dev.kervan.support.PickerAnswers.encode;
import static dev.kervan.support.PickerAnswers.ids;
import static dev.kervan.support.PickerAnswers.pick;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.Browserless;
import dev.kervan.support.PageIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The users picker's source: active colleagues by name, for any member of staff. */
class UserPickersIntegrationTests extends PageIntegrationTest {

	@Test
	void aColleagueIsFoundByNameInTurkishOrPersianLettersOrByUserNameAndOnlyWhileActive() {
		String word = Api.uniqueName("u");
		long gulsen = user("gulsen" + word, "Gülşen Işıkçı " + word, "SALESPERSON");
		long reza = user("reza" + word, "رضا یزدی " + word, "WAREHOUSE");
		long leaver = user("leaver" + word, "Ayrılan Işıkçı " + word, "SALESPERSON");
		assertThat(api.patch("/api/v1/users/" + leaver, Map.of("active", false)).header("If-Match", "*").bearer(admin).send()
			.status()).isEqualTo(200);
		Browserless salesperson = new Browserless(api.base()).loggedInAs("gulsen" + word, Api.PASSWORD);

		assertThat(ids(pick(salesperson, "/pick/users?q=" + encode("isikci " + word)))).containsExactly(gulsen);
		assertThat(ids(pick(salesperson, "/pick/users?q=" + encode("يزدي " + word)))).containsExactly(reza);
		assertThat(ids(pick(salesperson, "/pick/users?q=reza" + word))).containsExactly(reza);
		assertThat(ids(pick(salesperson, "/pick/users?role=SALESPERSON&q=" + word))).containsExactly(gulsen);
		long manager = user("manager" + word, "Müdür Işıkçı " + word, "SALES_MANAGER");
		assertThat(ids(pick(salesperson, "/pick/users?role=SALESPERSON&q=" + word)))
			.as("a sales manager may carry an opportunity as well as a salesperson").containsExactlyInAnyOrder(gulsen, manager);
		assertThat(api.get("/api/v1/users?role=SALESPERSON&q=" + word).bearer(admin).send().body())
			.as("the user list shows exactly who holds the role").doesNotContain("manager" + word);
		JsonNode match = pick(salesperson, "/pick/users?q=gulsen" + word).get("matches").get(0);
		assertThat(match.get("label").asString()).isEqualTo("Gülşen Işıkçı " + word);
		assertThat(match.get("detail").asString()).isEqualTo("gulsen" + word);
	}

	@Test
	void aPortalUserIsRefusedTheNamesOfStaff() {
		String portal = Api.uniqueName("portal");
		api.createUser(admin, portal, "en", "PORTAL");

		Response refused = new Browserless(api.base()).loggedInAs(portal, Api.PASSWORD).getJson("/pick/users?q=admin");

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).doesNotContain("\"matches\"");
	}

	private long user(String username, String displayName, String role) {
		Response created = api.post("/api/v1/users", Map.of("username", username, "displayName", displayName, "language", "tr",
				"roles", List.of(role), "password", Api.PASSWORD)).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}
}
