package dev.kervan.pipeline;

import static dev.kervan.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.Browserless;
import dev.kervan.support.PageIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PipelinePagesIntegrationTests extends PageIntegrationTest {

	@Test
	void theBoardShowsAColumnPerStageWithItsCardsAndTotals() {
		JsonNode stages = api.get("/api/v1/pipeline-stages").bearer(admin).send().json().get("items");
		long team = stages.get(0).get("teamId").asLong();
		String title = Api.uniqueName("Board card <b>");
		api.post("/api/v1/opportunities", Map.of("title", title, "teamId", team, "expectedRevenue", "1234.50")).bearer(admin)
			.send();
		Response page = browser.get("/pipeline?teamId=" + team);
		assertThat(page.status()).isEqualTo(200);
		for (JsonNode stage : stages) {
			if (stage.get("teamId").asLong() == team) {
				assertThat(page.body()).contains("data-stage-id=\"" + stage.get("id").asLong() + "\"");
			}
		}
		assertThat(page.body()).contains(title.replace("<", "&lt;").replace(">", "&gt;")).doesNotContain(title);
		assertThat(browser.get("/pipeline?teamId=" + team + "&q=nothing-matches-this&priority=3&mine=true").status())
			.isEqualTo(200);
		long me = api.get("/api/v1/me").bearer(admin).send().json().get("id").asLong();
		assertThat(browser.get("/pipeline?teamId=" + team + "&salespersonId=" + me).body()).contains(title.replace("<", "&lt;").replace(">", "&gt;"));
		assertThat(browser.get("/pipeline?teamId=" + team + "&salespersonId=987654").body()).doesNotContain("Board card");
	}

	@Test
	void cardsShowTheirNextActivityAndTheOverdueFilterKeepsThoseLate() {
		JsonNode stages = api.get("/api/v1/pipeline-stages").bearer(admin).send().json().get("items");
		long team = stages.get(0).get("teamId").asLong();
		String late = Api.uniqueName("Late card");
		String calm = Api.uniqueName("Calm card");
		long lateCard = api.post("/api/v1/opportunities", Map.of("title", late, "teamId", team)).bearer(admin).send().json()
			.get("id").asLong();
		api.post("/api/v1/opportunities", Map.of("title", calm, "teamId", team)).bearer(admin).send();
		long todo = api.get("/api/v1/activity-types").bearer(admin).send().json().get("items").get(0).get("id").asLong();
		Response planned = api.post("/api/v1/activities", Map.of("typeId", todo, "summary", "Call back about the price", "dueDate",
				java.time.LocalDate.now().minusDays(3).toString(), "subjectType", "OPPORTUNITY", "subjectId", lateCard))
			.bearer(admin).send();
		assertThat(planned.status()).as(planned.body()).isEqualTo(201);

		String board = browser.get("/pipeline?teamId=" + team).body();
		assertThat(board).contains("Call back about the price", "kervan-next-activity text-danger");
		String overdue = browser.get("/pipeline?teamId=" + team + "&overdue=true").body();
		assertThat(overdue).contains(late).doesNotContain(calm);
	}

	@Test
	void aDroppedCardIsSavedAndAStaleDropIsRefusedWithAMessage() {
		JsonNode stages = api.get("/api/v1/pipeline-stages").bearer(admin).send().json().get("items");
		long team = stages.get(0).get("teamId").asLong();
		long second = stages.get(1).get("id").asLong();
		long card = api.post("/api/v1/opportunities", Map.of("title", Api.uniqueName("Dragged"), "teamId", team)).bearer(admin)
			.send().json().get("id").asLong();
		String csrf = Browserless.csrfOf(browser.get("/pipeline?teamId=" + team).body());

		Response moved = browser.post("/pipeline/cards/" + card + "/move", Map.of("_csrf", csrf, "stageId", String.valueOf(second),
				"version", "0"));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(moved.body()).contains("data-id=\"" + card + "\" data-version=\"1\"");
		Response stale = browser.post("/pipeline/cards/" + card + "/move", Map.of("_csrf", csrf, "stageId", String.valueOf(second),
				"version", "0", "teamId", String.valueOf(team)));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body()).contains("id=\"board-message\"", "hx-swap-oob=\"true\"", "id=\"board\"")
			.doesNotContain("d-none", "<html");
		assertThat(api.get("/api/v1/opportunities/" + card).bearer(admin).send().json().get("stageId").asLong()).isEqualTo(second);
	}

	@Test
	void theAnswerToADropHoldsExactlyTheTwoColumnsItChangedWithTheirCountsAndTotals() {
		long team = api.post("/api/v1/sales-teams", Map.of("name", Api.uniqueName("Drop team"))).bearer(admin).send().json()
			.get("id").asLong();
		long[] stageIds = new long[3];
		for (int i = 0; i < stageIds.length; i++) {
			stageIds[i] = api.post("/api/v1/pipeline-stages", Map.of("teamId", team, "name", "Stage " + i, "probability", 10 * (i + 1)))
				.bearer(admin).send().json().get("id").asLong();
		}
		long card = api.post("/api/v1/opportunities", Map.of("title", Api.uniqueName("Dropped"), "teamId", team,
				"stageId", stageIds[0], "expectedRevenue", "4321")).bearer(admin).send().json().get("id").asLong();
		api.post("/api/v1/opportunities", Map.of("title", Api.uniqueName("Staying"), "teamId", team, "stageId", stageIds[2]))
			.bearer(admin).send();
		String csrf = Browserless.csrfOf(browser.get("/pipeline?teamId=" + team).body());

		Response answer = browser.post("/pipeline/cards/" + card + "/move", Map.of("_csrf", csrf, "stageId",
				String.valueOf(stageIds[1]), "version", "0", "teamId", String.valueOf(team)));

		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		String body = answer.body().strip();
		assertThat(body).doesNotContain("<html", "id=\"board\"", "board-message", "id=\"column-" + stageIds[2] + "\"");
		assertThat(body.split("<section ", -1)).as(body).hasSize(3);
		assertThat(body.split("hx-swap-oob=\"true\"", -1)).hasSize(3);
		String left = column(body, stageIds[0]);
		String entered = column(body, stageIds[1]);
		assertThat(left).contains("kervan-column-count\">0<").doesNotContain("data-id=\"" + card + "\"", "kervan-column-total");
		assertThat(entered).contains("kervan-column-count\">1<", "data-id=\"" + card + "\" data-version=\"1\"",
				"kervan-column-total");
		assertThat(api.get("/api/v1/opportunities/" + card).bearer(admin).send().json().get("stageId").asLong())
			.isEqualTo(stageIds[1]);
	}

	/** The section of a stage's column in an answer of the board. */
	private static String column(String html, long stage) {
		int id = html.indexOf("id=\"column-" + stage + "\"");
		assertThat(id).as("the column of stage " + stage + " in " + html).isNotNegative();
		int start = html.lastIndexOf("<section", id);
		return html.substring(start, html.indexOf("</section>", start));
	}

	@Test
	void quickCreateAndLosingWithAReasonOnThePages() {
		JsonNode stages = api.get("/api/v1/pipeline-stages").bearer(admin).send().json().get("items");
		long team = stages.get(0).get("teamId").asLong();
		String title = Api.uniqueName("Quick");
		Response created = browser.submit("/pipeline?teamId=" + team, "/pipeline/cards", Map.of("title", title, "teamId",
				String.valueOf(team), "stageId", String.valueOf(stages.get(0).get("id").asLong())));
		assertThat(created.status()).isEqualTo(302);
		assertThat(browser.get("/pipeline?teamId=" + team).body()).contains(title);

		long card = api.get("/api/v1/opportunities?teamId=" + team).bearer(admin).send().json().get("items").get(0).get("id").asLong();
		String page = "/pipeline/opportunities/" + card;
		Response refused = browser.submit(page, page + "/lost", Map.of("version", "0", "lostReasonId", ""));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("f-lostReasonId-error");
		long reason = api.get("/api/v1/lost-reasons").bearer(admin).send().json().get("items").get(0).get("id").asLong();
		Response lost = browser.submit(page, page + "/lost", Map.of("version", "0", "lostReasonId", String.valueOf(reason),
				"note", "Chose a rival"));
		assertThat(lost.status()).isEqualTo(302);
		assertThat(browser.get(page).body()).contains("id=\"opportunity-lost-reason\"", "Chose a rival");
	}

	@Test
	void everyFieldOfAnOpportunityIsEditedOnItsPage() {
		JsonNode created = api.post("/api/v1/opportunities", Map.of("title", Api.uniqueName("Editable"),
				"expectedRevenue", "1000", "currency", "TRY")).bearer(admin).send().json();
		String page = "/pipeline/opportunities/" + created.get("id").asLong();
		assertThat(browser.get(page).body()).contains("id=\"opportunity-form\"", "id=\"f-expectedRevenue\"",
				"id=\"f-expectedCloseDate\"", "id=\"f-priority\"");

		String title = Api.uniqueName("Edited on its page");
		Response saved = browser.submit(page, page, Map.ofEntries(Map.entry("version", created.get("version").asString()),
				Map.entry("title", title), Map.entry("prospectName", "Deniz Lojistik"), Map.entry("email", "satin@deniz.example"),
				Map.entry("expectedRevenue", "12500.50"), Map.entry("currency", "EUR"), Map.entry("probability", "35"),
				Map.entry("priority", "2"), Map.entry("expectedCloseDate", "2027-01-15"), Map.entry("tags", "filo, yenileme"),
				Map.entry("source", "Fuar"), Map.entry("notes", "Wants a demo first.")));

		assertThat(saved.status()).isEqualTo(302);
		JsonNode now = api.get("/api/v1/opportunities/" + created.get("id").asLong()).bearer(admin).send().json();
		assertThat(now.get("title").asString()).isEqualTo(title);
		assertThat(now.get("expectedRevenue").asString()).isEqualTo("12500.50");
		assertThat(now.get("currency").asString()).isEqualTo("EUR");
		assertThat(now.get("probability").asInt()).isEqualTo(35);
		assertThat(now.get("priority").asInt()).isEqualTo(2);
		assertThat(now.get("expectedCloseDate").asString()).isEqualTo("2027-01-15");
		assertThat(now.get("tags").toString()).contains("filo", "yenileme");
		assertThat(now.get("notes").asString()).isEqualTo("Wants a demo first.");
		assertThat(browser.get(page).body()).contains(title, "Opportunity saved.");
	}

	@Test
	void aRefusedEditShowsBesideItsFieldAndAStaleOneSaysSoBothChangingNothing() {
		JsonNode created = api.post("/api/v1/opportunities", Map.of("title", Api.uniqueName("Guarded"),
				"expectedRevenue", "1000")).bearer(admin).send().json();
		long id = created.get("id").asLong();
		String page = "/pipeline/opportunities/" + id;

		Response refused = browser.submit(page, page, Map.of("version", created.get("version").asString(), "title",
				"Changed", "probability", "150"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("f-probability-error", "value=\"Changed\"");

		Response stale = browser.submit(page, page, Map.of("version", "99", "title", "Changed"));
		assertThat(stale.status()).isEqualTo(409);
		JsonNode now = api.get("/api/v1/opportunities/" + id).bearer(admin).send().json();
		assertThat(now.get("title").asString()).isEqualTo(created.get("title").asString());
		assertThat(now.get("version").asLong()).isEqualTo(created.get("version").asLong());
	}

	@Test
	void statisticsShowTheStagesTheWinRateAndWhyWeLost() {
		long team = api.post("/api/v1/sales-teams", Map.of("name", Api.uniqueName("Stats team"))).bearer(admin).send().json()
			.get("id").asLong();
		for (Object[] stage : new Object[][] { { "Open <one>", 20, false }, { "Won", 100, true } }) {
			api.post("/api/v1/pipeline-stages", Map.of("teamId", team, "name", stage[0], "probability", stage[1], "won", stage[2]))
				.bearer(admin).send();
		}
		long reason = api.get("/api/v1/lost-reasons").bearer(admin).send().json().get("items").get(0).get("id").asLong();
		String reasonName = api.get("/api/v1/lost-reasons").bearer(admin).send().json().get("items").get(0).get("name").asString();
		long won = api.post("/api/v1/opportunities", Map.of("title", "Won one", "teamId", team, "expectedRevenue", "1000"))
			.bearer(admin).send().json().get("id").asLong();
		long lost = api.post("/api/v1/opportunities", Map.of("title", "Lost one", "teamId", team)).bearer(admin).send().json()
			.get("id").asLong();
		api.post("/api/v1/opportunities", Map.of("title", "Open one", "teamId", team, "expectedRevenue", "500")).bearer(admin).send();
		api.post("/api/v1/opportunities", Map.of("title", "Open in euros", "teamId", team, "expectedRevenue", "70",
				"currency", "EUR")).bearer(admin).send();
		api.post("/api/v1/opportunities/" + won + "/won", Map.of()).bearer(admin).send();
		api.post("/api/v1/opportunities/" + lost + "/lost", Map.of("lostReasonId", reason)).bearer(admin).send();

		Response page = browser.get("/pipeline/stats?teamId=" + team);
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"stats-win-rate\">50%", reasonName, "Open &lt;one&gt;", "data-chart=\"bar\"")
			.doesNotContain("Open <one>");
		// Amounts of two currencies never share a chart's axis: one chart each.
		assertThat(page.body()).contains("id=\"stats-chart-EUR\"", "id=\"stats-chart-TRY\"");
		assertThat(page.body().split("data-chart=\"bar\"")).hasSize(3);
		String manager = Api.uniqueName("mudir");
		api.createUser(admin, manager, "fa", "SALES_MANAGER");
		Browserless persian = new Browserless(api.base()).loggedInAs(manager, Api.PASSWORD);
		assertThat(persian.get("/pipeline/stats?teamId=" + team).body()).contains("id=\"stats-win-rate\">۵۰٪");
		assertThat(browser.get("/pipeline/stats?teamId=" + team + "&from=2026-13-01&to=nonsense").status()).isEqualTo(200);
	}

	@Test
	void theListShowsAndExportsTheOpportunities() {
		JsonNode stages = api.get("/api/v1/pipeline-stages").bearer(admin).send().json().get("items");
		long team = stages.get(0).get("teamId").asLong();
		String title = Api.uniqueName("Listed, \"quoted\"");
		api.post("/api/v1/opportunities", Map.of("title", title, "teamId", team, "expectedRevenue", "777", "tags", java.util.List.of("liste")))
			.bearer(admin).send();
		Response list = browser.get("/pipeline/list?teamId=" + team + "&tag=liste");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("id=\"opportunity-list\"", "Listed, &quot;quoted&quot;");
		Response csv = browser.get("/pipeline/export?format=csv&teamId=" + team + "&tag=liste");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).contains("\"" + title.replace("\"", "\"\"") + "\"", "777");
		assertThat(browser.get("/pipeline/export?format=xml").status()).isEqualTo(400);
	}

	@Test
	void theFilterBarsOfTheOpportunitiesAndTheLeadsGetTheirListAloneAndThePagesKeepTheirFilters() {
		JsonNode stages = api.get("/api/v1/pipeline-stages").bearer(admin).send().json().get("items");
		long team = stages.get(0).get("teamId").asLong();
		String title = Api.uniqueName("Filtered");
		api.post("/api/v1/opportunities", Map.of("title", title, "teamId", team, "tags", java.util.List.of("süzgeç")))
			.bearer(admin).send();
		String lead = Api.uniqueName("Filtered lead");
		api.post("/api/v1/leads", Map.of("title", lead)).bearer(admin).send();

		Response list = browser.getFragment("/pipeline/list?teamId=" + team + "&status=OPEN&tag=s%C3%BCzge%C3%A7", "opportunity-list");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).startsWith("<section id=\"opportunity-list\"").contains(title).doesNotContain("<html", "kervan-filters");
		assertThat(browser.get("/pipeline/list?teamId=" + team + "&status=WON&mine=true").body())
			.contains("<html", "kervan-filters", "id=\"list-mine\" name=\"mine\" value=\"true\" checked=\"checked\"",
					"href=\"/pipeline/export?teamId=" + team + "&amp;status=WON&amp;mine=true&amp;format=csv\"")
			.doesNotContain(title);

		Response leads = browser.getFragment("/pipeline/leads?status=NEW", "lead-list");
		assertThat(leads.status()).isEqualTo(200);
		assertThat(leads.body()).startsWith("<section id=\"lead-list\"").contains(lead).doesNotContain("<html", "id=\"new-lead\"");
		assertThat(browser.get("/pipeline/leads?status=DISQUALIFIED").body())
			.contains("<html", "id=\"new-lead\"", "<option value=\"DISQUALIFIED\" selected=\"selected\"").doesNotContain(lead);
	}

	@Test
	void opportunitiesAreSegmentedByExpectedValue() {
		long team = api.post("/api/v1/sales-teams", Map.of("name", Api.uniqueName("Segment team"))).bearer(admin).send().json()
			.get("id").asLong();
		api.post("/api/v1/pipeline-stages", Map.of("teamId", team, "name", "Open", "probability", 30)).bearer(admin).send();
		assertProblem(api.patch("/api/v1/pipeline-settings", Map.of("segmentA", "100", "segmentB", "200"))
			.header("If-Match", "*")
			.bearer(admin).send(), 400,
				"error.validation");
		assertThat(api.patch("/api/v1/pipeline-settings", Map.of("segmentA", "50000", "segmentB", "10000"))
			.header("If-Match", "*")
			.bearer(admin).send()
			.status()).isEqualTo(200);
		try {
			for (var deal : Map.of("Big deal", "60000", "Middle deal", "20000", "Small deal", "5000").entrySet()) {
				api.post("/api/v1/opportunities", Map.of("title", deal.getKey(), "teamId", team, "expectedRevenue", deal.getValue()))
					.bearer(admin).send();
			}
			String onlyA = browser.get("/pipeline?teamId=" + team + "&segment=A").body();
			assertThat(onlyA).contains("Big deal").doesNotContain("Middle deal").doesNotContain("Small deal");
			assertThat(browser.get("/pipeline?teamId=" + team + "&segment=C").body()).contains("Small deal").doesNotContain("Big deal");
			assertThat(browser.get("/pipeline?teamId=" + team).body()).contains("kervan-segment\" title=\"Segment\">B");
		}
		finally {
			api.patch("/api/v1/pipeline-settings", Map.of("segmentA", "100000", "segmentB", "25000"))
				.header("If-Match", "*")
				.bearer(admin).send();
		}
	}

	@Test
	void eachCurrencyIsSegmentedByItsOwnBoundsAndTheOthersByTheGeneralOnes() {
		long team = api.post("/api/v1/sales-teams", Map.of("name", Api.uniqueName("Currency segments"))).bearer(admin).send().json()
			.get("id").asLong();
		api.post("/api/v1/pipeline-stages", Map.of("teamId", team, "name", "Open", "probability", 30)).bearer(admin).send();
		assertProblem(api.patch("/api/v1/pipeline-settings", Map.of("segmentsByCurrency", Map.of("XYZ",
				Map.of("segmentA", "5000", "segmentB", "1000")))).header("If-Match", "*").bearer(admin).send(), 400, "error.validation");
		assertProblem(api.patch("/api/v1/pipeline-settings", Map.of("segmentsByCurrency", Map.of("EUR",
				Map.of("segmentA", "1000", "segmentB", "5000")))).header("If-Match", "*").bearer(admin).send(), 400, "error.validation");
		assertThat(api.get("/api/v1/pipeline-settings").bearer(admin).send().json().get("segmentsByCurrency").isEmpty())
			.as("a refused change keeps nothing").isTrue();
		JsonNode settings = api.patch("/api/v1/pipeline-settings", Map.of("segmentA", "50000", "segmentB", "10000",
				"segmentsByCurrency", Map.of("eur", Map.of("segmentA", "5000", "segmentB", "1000"))))
			.header("If-Match", "*")
			.bearer(admin).send().json();
		assertThat(settings.get("segmentsByCurrency").get("EUR").get("segmentA").asString()).isEqualTo("5000");
		try {
			for (var deal : List.of(List.of("Euro big", "6000", "EUR"), List.of("Lira middle", "20000", "TRY"),
					List.of("Euro small", "500", "EUR"), List.of("Lira small", "6000", "TRY"))) {
				api.post("/api/v1/opportunities", Map.of("title", deal.get(0), "teamId", team, "expectedRevenue", deal.get(1),
						"currency", deal.get(2))).bearer(admin).send();
			}
			assertThat(browser.get("/pipeline?teamId=" + team + "&segment=A").body())
				.as("6,000 euros is much; 6,000 lira is little").contains("Euro big").doesNotContain("Lira small", "Lira middle");
			assertThat(browser.get("/pipeline?teamId=" + team + "&segment=B").body()).contains("Lira middle")
				.doesNotContain("Euro big", "Euro small", "Lira small");
			assertThat(browser.get("/pipeline?teamId=" + team + "&segment=C").body()).contains("Euro small", "Lira small")
				.doesNotContain("Euro big", "Lira middle");

			JsonNode dropped = api.patch("/api/v1/pipeline-settings", Map.of("segmentsByCurrency", Map.of()))
				.header("If-Match", "*").bearer(admin).send().json();
			assertThat(dropped.get("segmentsByCurrency").get("EUR")).as("an empty merge patch keeps what is there").isNotNull();
			var drop = new java.util.HashMap<String, Object>();
			drop.put("EUR", null);
			dropped = api.patch("/api/v1/pipeline-settings", Map.of("segmentsByCurrency", drop)).header("If-Match", "*").bearer(admin)
				.send().json();
			assertThat(dropped.get("segmentsByCurrency").isEmpty()).isTrue();
			assertThat(browser.get("/pipeline?teamId=" + team + "&segment=A").body()).doesNotContain("Euro big");
		}
		finally {
			var reset = new java.util.HashMap<String, Object>(Map.of("segmentA", "100000", "segmentB", "25000"));
			reset.put("segmentsByCurrency", null);
			api.patch("/api/v1/pipeline-settings", reset).header("If-Match", "*").bearer(admin).send();
		}
	}

	@Test
	void theBoardsTextFilterFindsATitleWithTurkishLettersHoweverTheyAreTyped() {
		long team = api.get("/api/v1/pipeline-stages").bearer(admin).send().json().get("items").get(0).get("teamId").asLong();
		String word = Api.uniqueName("q").replaceAll("[^a-z0-9]", "");
		String title = "Vinç kiralama İŞLETME " + word;
		api.post("/api/v1/opportunities", Map.of("title", title, "teamId", team)).bearer(admin).send();
		for (String typed : List.of("Vinç " + word, "vinc " + word, "VİNÇ " + word, "isletme " + word)) {
			assertThat(browser.get("/pipeline?teamId=" + team + "&q=" + java.net.URLEncoder.encode(typed,
					java.nio.charset.StandardCharsets.UTF_8)).body()).as(typed).contains(title);
		}
		assertThat(browser.get("/pipeline?teamId=" + team + "&q=vinc+" + word + "x").body()).doesNotContain(title);
	}

	@Test
	void peopleOutsideSalesDoNotSeeThePipeline() {
		String accountant = api.userWithRoles(admin, "ACCOUNTANT");
		assertThat(accountant).isNotBlank();
		Response me = api.get("/api/v1/me").bearer(accountant).send();
		String username = me.json().get("username").asString();
		Browserless outsider = new Browserless(api.base()).loggedInAs(username, Api.PASSWORD);
		assertThat(outsider.get("/pipeline").status()).isEqualTo(403);
		assertThat(outsider.get("/pipeline/stats").status()).isEqualTo(403);
	}
}
