package dev.kervan.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.PageIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ActivityPagesIntegrationTests extends PageIntegrationTest {

	@Test
	void myDayListsTheActivitiesAndDoneMovesToTheNextOne() {
		long customer = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", Api.uniqueName("Day customer"), "roles",
				List.of("CUSTOMER"), "country", "TR")).bearer(admin).send().json().get("id").asLong();
		long call = 0;
		for (JsonNode type : api.get("/api/v1/activity-types").bearer(admin).send().json().get("items")) {
			if (type.get("name").asString().equals("Call")) {
				call = type.get("id").asLong();
			}
		}
		String summary = Api.uniqueName("Ring <them>");
		long id = api.post("/api/v1/activities", Map.of("typeId", call, "summary", summary, "subjectType", "CUSTOMER",
				"subjectId", customer, "dueDate", LocalDate.now().minusDays(1).toString())).bearer(admin).send().json().get("id")
			.asLong();

		Response day = browser.get("/activities/today");
		assertThat(day.status()).as(day.body()).isEqualTo(200);
		assertThat(day.body()).contains("id=\"day-overdue\"", summary.replace("<", "&lt;").replace(">", "&gt;"));
		assertThat(browser.get("/activities/" + id + "/handover-form").body()).contains("name=\"assigneeId\"", "value=\"team:");
		Response done = browser.submit("/activities/today", "/activities/" + id + "/done", Map.of("version", "0", "feedback", "Fine"));
		assertThat(done.status()).isEqualTo(302);
		assertThat(browser.get("/activities/today").body()).contains("Next planned: Email");
		Response panel = browser.get("/activities/of/CUSTOMER/" + customer);
		assertThat(panel.status()).isEqualTo(200);
		assertThat(panel.body()).contains("data-status=\"DONE\"", "data-status=\"PLANNED\"", "id=\"plan-activity\"");
		Response offSite = browser.submit("/activities/today", "/activities", Map.of("typeId", String.valueOf(call), "subjectType",
				"CUSTOMER", "subjectId", String.valueOf(customer), "back", "//evil.example/"));
		assertThat(offSite.header("Location").orElseThrow()).endsWith("/activities/today");
	}

	@Test
	void theAccountTimelineGathersNotesActivitiesAndWhatHappenedToItsOpportunities() {
		long customer = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", Api.uniqueName("Timeline customer"), "roles",
				List.of("CUSTOMER"), "country", "TR")).bearer(admin).send().json().get("id").asLong();
		assertThat(api.post("/api/v1/customers/" + customer + "/notes", Map.of("text", "Met them at the <fair>")).bearer(admin).send()
			.status()).isEqualTo(201);
		long deal = api.post("/api/v1/opportunities", Map.of("title", "Timeline deal", "customerId", customer)).bearer(admin).send()
			.json().get("id").asLong();
		long call = 0;
		for (JsonNode type : api.get("/api/v1/activity-types").bearer(admin).send().json().get("items")) {
			if (type.get("name").asString().equals("Call")) {
				call = type.get("id").asLong();
			}
		}
		long activity = api.post("/api/v1/activities", Map.of("typeId", call, "summary", "Asked for references", "subjectType",
				"OPPORTUNITY", "subjectId", deal)).bearer(admin).send().json().get("id").asLong();
		api.post("/api/v1/activities/" + activity + "/done", Map.of("feedback", "Sent three")).bearer(admin).send();
		api.post("/api/v1/opportunities/" + deal + "/won", Map.of()).bearer(admin).send();

		Response timeline = browser.get("/activities/timeline/CUSTOMER/" + customer);
		assertThat(timeline.status()).isEqualTo(200);
		assertThat(timeline.body()).contains("Met them at the &lt;fair&gt;", "Opportunity opened", "Timeline deal",
				"Call: Asked for references", "Sent three", "WON");
		assertThat(browser.get("/activities/timeline/CUSTOMER/987654321").status()).isEqualTo(404);
	}

	@Test
	void thePanelOfARecordGoesBackToItsPageAndAKindNoModuleDeclaresIsRefused() {
		long customer = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", Api.uniqueName("Panel customer"), "roles",
				List.of("CUSTOMER"), "country", "TR")).bearer(admin).send().json().get("id").asLong();
		long deal = api.post("/api/v1/opportunities", Map.of("title", "Panel deal", "customerId", customer)).bearer(admin).send()
			.json().get("id").asLong();
		assertThat(browser.get("/activities/of/OPPORTUNITY/" + deal).body())
			.contains("name=\"back\" value=\"/pipeline/opportunities/" + deal + "\"");
		assertThat(browser.get("/activities/of/customer/" + customer).body())
			.contains("name=\"subjectType\" value=\"CUSTOMER\"", "name=\"back\" value=\"/customers/" + customer + "\"");
		assertThat(browser.get("/activities/of/INVOICE/" + deal).status()).isEqualTo(400);
		assertThat(browser.get("/activities/timeline/INVOICE/" + deal).status()).isEqualTo(400);
	}

	@Test
	void myDayHandsAnActivityToATeam() {
		String leader = api.userWithRoles(admin, "SALES_MANAGER");
		long leaderId = api.get("/api/v1/me").bearer(leader).send().json().get("id").asLong();
		long team = api.post("/api/v1/sales-teams", Map.of("name", Api.uniqueName("Day team"), "leaderId", leaderId)).bearer(admin)
			.send().json().get("id").asLong();
		long customer = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", Api.uniqueName("Team customer"), "roles",
				List.of("CUSTOMER"), "country", "TR")).bearer(admin).send().json().get("id").asLong();
		long type = api.get("/api/v1/activity-types").bearer(admin).send().json().get("items").get(0).get("id").asLong();
		long id = api.post("/api/v1/activities", Map.of("typeId", type, "summary", "For a team", "subjectType", "CUSTOMER",
				"subjectId", customer, "dueDate", LocalDate.now().toString())).bearer(admin).send().json().get("id").asLong();
		Response handed = browser.submit("/activities/today", "/activities/" + id + "/handover", Map.of("version", "0", "assigneeId",
				"team:" + team, "note", "Yours"));
		assertThat(handed.status()).isEqualTo(302);
		assertThat(api.get("/api/v1/activities/" + id).bearer(admin).send().json().get("assigneeId").asLong()).isEqualTo(leaderId);
	}
}
