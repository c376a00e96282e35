package dev.kervan.pipeline;

import static dev.kervan.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PipelineApiIntegrationTests extends KervanIntegrationTest {

	private String admin;

	@BeforeEach
	void logIn() {
		admin = api.token("admin", ADMIN_PASSWORD);
	}

	@Test
	void theFirstPipelineAndTheLostReasonsAreThereFromTheStart() {
		JsonNode stages = api.get("/api/v1/pipeline-stages").bearer(admin).send().json().get("items");
		assertThat(stages.size()).isGreaterThanOrEqualTo(2);
		for (JsonNode stage : stages) {
			assertThat(stage.has("id") && stage.has("name") && stage.has("sequence") && stage.has("probability")
					&& stage.has("won")).as(stage.toString()).isTrue();
		}
		var names = new ArrayList<String>();
		api.get("/api/v1/lost-reasons").bearer(admin).send().json().get("items").forEach(r -> names.add(r.get("name").asString()));
		assertThat(names).contains("Too expensive", "We lack the skills", "Not enough stock");
	}

	@Test
	void anOpportunityStartsInTheFirstStageWithItsProbability() {
		Team team = team(admin);
		long customer = customer();
		Response created = api.post("/api/v1/opportunities", Map.of("title", "Forklift fleet", "customerId", customer,
				"expectedRevenue", "1000.00", "currency", "TRY", "priority", 2, "tags", List.of("fleet"), "stageId",
				team.stages.get(0))).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode opportunity = created.json();
		assertThat(opportunity.get("stageId").asLong()).isEqualTo(team.stages.get(0));
		assertThat(opportunity.get("status").asString()).isEqualTo("OPEN");
		assertThat(opportunity.get("probability").asInt()).isEqualTo(10);
		assertThat(opportunity.get("version").asLong()).isZero();
		assertThat(opportunity.get("expectedRevenue").asString()).isEqualTo("1000.00");
		assertThat(opportunity.get("customerName").asString()).startsWith("Pipeline customer");

		JsonNode overridden = api.post("/api/v1/opportunities", Map.of("title", "Spare parts", "customerId", customer,
				"probability", 20, "teamId", team.id)).bearer(admin).send().json();
		assertThat(overridden.get("probability").asInt()).isEqualTo(20);
		assertThat(overridden.get("stageId").asLong()).isEqualTo(team.stages.get(0));
	}

	@Test
	void cardsKeepTheOrderTheyAreDroppedInWithinAndAcrossStages() {
		Team team = team(admin);
		long a = opportunity(admin, team, "A");
		long b = opportunity(admin, team, "B");
		long c = opportunity(admin, team, "C");
		assertThat(board(team, team.stages.get(0))).containsExactly(a, b, c);

		move(admin, c, team.stages.get(0), a, 0);
		assertThat(board(team, team.stages.get(0))).containsExactly(c, a, b);
		move(admin, a, team.stages.get(1), null, 0);
		move(admin, b, team.stages.get(1), a, 0);
		assertThat(board(team, team.stages.get(0))).containsExactly(c);
		assertThat(board(team, team.stages.get(1))).containsExactly(b, a);
		JsonNode moved = api.get("/api/v1/opportunities/" + a).bearer(admin).send().json();
		assertThat(moved.get("probability").asInt()).as("the new stage's").isEqualTo(50);

		// Many drops between the same two cards use up the room between them; the order still holds.
		long last = c;
		for (int i = 0; i < 14; i++) {
			long card = opportunity(admin, team, "D" + i);
			move(admin, card, team.stages.get(1), a, 0);
			last = card;
		}
		List<Long> order = board(team, team.stages.get(1));
		assertThat(order.getFirst()).isEqualTo(b);
		assertThat(order.getLast()).isEqualTo(a);
		assertThat(order.get(order.size() - 2)).isEqualTo(last);
	}

	@Test
	void twoPeopleMovingOneCardAtOnceOneWinsAndTheOtherIsTold() throws Exception {
		Team team = team(admin);
		long card = opportunity(admin, team, "Contested");
		var statuses = new ConcurrentLinkedQueue<Integer>();
		var start = new CountDownLatch(1);
		try (var pool = Executors.newFixedThreadPool(6)) {
			for (int i = 0; i < 6; i++) {
				long stage = team.stages.get(1 + i % 2);
				pool.submit(() -> {
					start.await();
					statuses.add(move(admin, card, stage, null, 0).status());
					return null;
				});
			}
			start.countDown();
		}
		assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
		assertThat(statuses).filteredOn(s -> s == 409).hasSize(5);
		JsonNode now = api.get("/api/v1/opportunities/" + card).bearer(admin).send().json();
		assertThat(now.get("version").asLong()).isEqualTo(1);
		Response stale = move(admin, card, team.stages.get(0), null, 0);
		assertProblem(stale, 409, "error.version-conflict");
	}

	@Test
	void badMovesAndValuesAreRefusedAndChangeNothing() {
		Team team = team(admin);
		Team other = team(admin);
		long card = opportunity(admin, team, "Guarded");
		assertProblem(move(admin, card, other.stages.get(0), null, 0), 400, "error.validation");
		assertProblem(api.post("/api/v1/opportunities/" + card + "/lost", Map.of("note", "no reason")).bearer(admin).send(), 400,
				"error.validation");
		assertProblem(api.post("/api/v1/opportunities/" + card + "/lost", Map.of("lostReasonId", 999999)).bearer(admin).send(),
				400, "error.validation");
		assertProblem(api.patch("/api/v1/opportunities/" + card, Map.of("probability", 101, "version", 0)).bearer(admin).send(),
				400, "error.validation");
		assertProblem(api.patch("/api/v1/opportunities/" + card, Map.of("expectedRevenue", "-5", "version", 0)).bearer(admin)
			.send(), 400, "error.validation");
		assertProblem(api.post("/api/v1/opportunities", Map.of("title", "", "expectedRevenue", "-1", "probability", -3,
				"priority", 4, "currency", "XXXX", "email", "nope")).bearer(admin).send(), 400, "error.validation");
		assertProblem(api.post("/api/v1/opportunities", Map.of("title", "Elsewhere", "teamId", team.id, "stageId",
				other.stages.get(0))).bearer(admin).send(), 400, "error.validation");
		JsonNode unchanged = api.get("/api/v1/opportunities/" + card).bearer(admin).send().json();
		assertThat(unchanged.get("version").asLong()).isZero();
		assertThat(unchanged.get("status").asString()).isEqualTo("OPEN");
		assertThat(unchanged.get("stageId").asLong()).isEqualTo(team.stages.get(0));
	}

	@Test
	void wonLostAndReopened() {
		Team team = team(admin);
		long card = opportunity(admin, team, "Decided");
		JsonNode won = api.post("/api/v1/opportunities/" + card + "/won", Map.of()).bearer(admin).send().json();
		assertThat(won.get("status").asString()).isEqualTo("WON");
		assertThat(won.get("stageId").asLong()).isEqualTo(team.stages.getLast());
		assertThat(won.get("probability").asInt()).isEqualTo(100);
		assertProblem(api.post("/api/v1/opportunities/" + card + "/won", Map.of()).bearer(admin).send(), 409, "error.pipeline.closed");

		JsonNode reopened = api.post("/api/v1/opportunities/" + card + "/reopen", Map.of()).bearer(admin).send().json();
		assertThat(reopened.get("status").asString()).isEqualTo("OPEN");
		assertThat(reopened.get("stageId").asLong()).isEqualTo(team.stages.get(team.stages.size() - 2));

		long reason = api.get("/api/v1/lost-reasons").bearer(admin).send().json().get("items").get(0).get("id").asLong();
		JsonNode lost = api.post("/api/v1/opportunities/" + card + "/lost", Map.of("lostReasonId", reason, "note", "Went with a rival"))
			.bearer(admin).send().json();
		assertThat(lost.get("status").asString()).isEqualTo("LOST");
		assertThat(lost.get("lostReasonId").asLong()).isEqualTo(reason);
		assertThat(board(team, reopened.get("stageId").asLong())).doesNotContain(card);
		assertProblem(move(admin, card, team.stages.get(0), null, lost.get("version").asLong()), 409, "error.pipeline.closed");

		JsonNode again = api.post("/api/v1/opportunities/" + card + "/reopen", Map.of()).bearer(admin).send().json();
		assertThat(again.get("status").asString()).isEqualTo("OPEN");
		assertThat(again.get("lostReasonId").isNull()).isTrue();

		// Dropping a card on the won stage wins it.
		JsonNode dropped = move(admin, card, team.stages.getLast(), null, again.get("version").asLong()).json();
		assertThat(dropped.get("status").asString()).isEqualTo("WON");

		var fields = new ArrayList<String>();
		api.get("/api/v1/opportunities/" + card + "/history").bearer(admin).send().json().get("items")
			.forEach(entry -> fields.add(entry.get("field").asString()));
		assertThat(fields).as(fields.toString()).contains("status", "stage", "lostReason");
	}

	@Test
	void salespeopleSeeTheirTeamsAndChangeTheirOwn() {
		String seller = api.userWithRoles(admin, "SALESPERSON");
		String colleague = api.userWithRoles(admin, "SALESPERSON");
		String outsider = api.userWithRoles(admin, "SALESPERSON");
		String manager = api.userWithRoles(admin, "SALES_MANAGER");
		String accountant = api.userWithRoles(admin, "ACCOUNTANT");
		Team team = team(admin, id(seller), id(colleague));

		Response created = api.post("/api/v1/opportunities", Map.of("title", "Mine", "teamId", team.id)).bearer(seller).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long card = created.json().get("id").asLong();
		assertThat(created.json().get("salespersonId").asLong()).isEqualTo(id(seller));

		assertThat(api.get("/api/v1/opportunities/" + card).bearer(colleague).send().status()).isEqualTo(200);
		assertProblem(move(colleague, card, team.stages.get(1), null, 0), 403, "error.pipeline.forbidden");
		assertThat(api.get("/api/v1/opportunities/" + card).bearer(outsider).send().status()).isEqualTo(404);
		assertThat(ids(api.get("/api/v1/opportunities?teamId=" + team.id).bearer(outsider).send())).doesNotContain(card);
		assertThat(ids(api.get("/api/v1/opportunities?teamId=" + team.id).bearer(colleague).send())).contains(card);
		assertProblem(api.post("/api/v1/opportunities", Map.of("title", "Not my team", "teamId", team.id)).bearer(outsider).send(),
				403, "error.pipeline.forbidden");
		assertProblem(api.get("/api/v1/opportunities").bearer(accountant).send(), 403, "error.pipeline.forbidden");
		assertProblem(api.post("/api/v1/pipeline-stages", Map.of("teamId", team.id, "name", "Mine")).bearer(seller).send(), 403,
				"error.pipeline.forbidden");

		assertThat(move(seller, card, team.stages.get(1), null, 0).status()).isEqualTo(200);

		String newcomer = api.userWithRoles(admin, "SALESPERSON");
		Response first = api.post("/api/v1/opportunities", Map.of("title", "In no team yet")).bearer(newcomer).send();
		assertThat(first.status()).as("a salesperson in no team works in the first team").isEqualTo(201);
		assertThat(api.get("/api/v1/opportunities/" + first.json().get("id").asLong()).bearer(newcomer).send().status()).isEqualTo(200);
		String username = api.get("/api/v1/me").bearer(newcomer).send().json().get("username").asString();
		var board = new dev.kervan.support.Browserless(api.base()).loggedInAs(username, Api.PASSWORD).get("/pipeline");
		assertThat(board.status()).isEqualTo(200);
		assertThat(board.body()).contains("In no team yet");
		assertThat(move(manager, card, team.stages.get(2), null, 1).status()).isEqualTo(200);
	}

	// --- helpers --------------------------------------------------------------------------------------------------

	private record Team(long id, List<Long> stages) {
	}

	/** A new team with its own pipeline: New (10%), Offer (50%), Talks (70%), Won. */
	private Team team(String token, long... members) {
		var memberIds = new ArrayList<Long>();
		for (long member : members) {
			memberIds.add(member);
		}
		Response created = api.post("/api/v1/sales-teams", Map.of("name", Api.uniqueName("Team"), "memberIds", memberIds,
				"region", "Marmara", "monthlyTarget", "250000")).bearer(token).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long team = created.json().get("id").asLong();
		var stages = new ArrayList<Long>();
		for (Object[] stage : new Object[][] { { "New", 10, false }, { "Offer", 50, false }, { "Talks", 70, false },
				{ "Won", 100, true } }) {
			Response s = api.post("/api/v1/pipeline-stages", Map.of("teamId", team, "name", stage[0], "probability", stage[1],
					"won", stage[2])).bearer(token).send();
			assertThat(s.status()).as(s.body()).isEqualTo(201);
			stages.add(s.json().get("id").asLong());
		}
		return new Team(team, stages);
	}

	private long opportunity(String token, Team team, String title) {
		Response created = api.post("/api/v1/opportunities", Map.of("title", title, "teamId", team.id)).bearer(token).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private Response move(String token, long card, long stage, Long before, long version) {
		var body = new HashMap<String, Object>();
		body.put("stageId", stage);
		body.put("version", version);
		if (before != null) {
			body.put("beforeId", before);
		}
		return api.post("/api/v1/opportunities/" + card + "/move", body).bearer(token).send();
	}

	private List<Long> board(Team team, long stage) {
		return ids(api.get("/api/v1/opportunities?sort=board&limit=200&stageId=" + stage + "&teamId=" + team.id).bearer(admin)
			.send());
	}

	private static List<Long> ids(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		var ids = new ArrayList<Long>();
		response.json().get("items").forEach(item -> ids.add(item.get("id").asLong()));
		return ids;
	}

	private long id(String token) {
		return api.get("/api/v1/me").bearer(token).send().json().get("id").asLong();
	}

	private long customer() {
		Response created = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", Api.uniqueName("Pipeline customer"),
				"roles", List.of("CUSTOMER"), "country", "TR")).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}
}
