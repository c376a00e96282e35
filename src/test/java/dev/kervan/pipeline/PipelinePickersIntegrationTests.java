package dev.kervan.pipeline;

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

/** The sales teams picker's source: the teams a reader may put leads and opportunities on. */
class PipelinePickersIntegrationTests extends PageIntegrationTest {

	@Test
	void aSalespersonIsOfferedTheirOwnTeamsAndAManagerEveryActiveOne() {
		String word = Api.uniqueName("t");
		String seller = Api.uniqueName("seller");
		api.createUser(admin, seller, "tr", "SALESPERSON");
		long sellerId = api.get("/api/v1/me").bearer(api.token(seller, Api.PASSWORD)).send().json().get("id").asLong();
		long mine = team(Map.of("name", "İzmir Bölge " + word, "region", "Ege", "memberIds", List.of(sellerId)));
		long theirs = team(Map.of("name", "İstanbul Bölge " + word));
		long closed = team(Map.of("name", "Kapalı Bölge " + word, "active", false, "memberIds", List.of(sellerId)));
		String manager = Api.uniqueName("manager");
		api.createUser(admin, manager, "tr", "SALES_MANAGER");

		Browserless salesperson = new Browserless(api.base()).loggedInAs(seller, Api.PASSWORD);
		assertThat(ids(pick(salesperson, "/pick/sales-teams?q=" + encode("bolge " + word)))).containsExactly(mine);
		assertThat(pick(salesperson, "/pick/sales-teams?q=" + encode("izmir " + word)).get("matches").get(0).get("detail").asString())
			.isEqualTo("Ege");
		Browserless salesManager = new Browserless(api.base()).loggedInAs(manager, Api.PASSWORD);
		assertThat(ids(pick(salesManager, "/pick/sales-teams?q=" + encode("bolge " + word))))
			.containsExactlyInAnyOrder(mine, theirs).doesNotContain(closed);
	}

	@Test
	void someoneOutsideSalesAndMarketingIsRefusedTheTeams() {
		String keeper = Api.uniqueName("keeper");
		api.createUser(admin, keeper, "en", "WAREHOUSE");

		Response refused = new Browserless(api.base()).loggedInAs(keeper, Api.PASSWORD).getJson("/pick/sales-teams");

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).doesNotContain("\"matches\"");
	}

	private long team(Map<String, Object> body) {
		Response created = api.post("/api/v1/sales-teams", body).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}
}
