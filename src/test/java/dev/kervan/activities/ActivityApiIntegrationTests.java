package dev.kervan.activities;

import static dev.kervan.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ActivityApiIntegrationTests extends KervanIntegrationTest {

	private String admin;

	@BeforeEach
	void logIn() {
		admin = api.token("admin", ADMIN_PASSWORD);
	}

	@Test
	void theUsualTypesAreThereWithTheirDelaysAndFollowUps() {
		JsonNode types = api.get("/api/v1/activity-types").bearer(admin).send().json().get("items");
		var names = new ArrayList<String>();
		types.forEach(type -> {
			names.add(type.get("name").asString());
			assertThat(type.has("id") && type.has("delayDays") && type.has("nextTypeId")).isTrue();
		});
		assertThat(names).contains("Email", "Call", "Meeting", "To-do");
		assertThat(type("Call").get("nextTypeId").asLong()).isEqualTo(type("Email").get("id").asLong());
	}

	@Test
	void doingAnActivityRecordsFeedbackAndPlansTheFollowUpItsTypeSuggests() {
		long opportunity = opportunity();
		JsonNode call = type("Call");
		JsonNode email = type("Email");
		Response planned = api.post("/api/v1/activities", Map.of("typeId", call.get("id").asLong(), "summary", "Discuss the offer",
				"dueDate", today().toString(), "subjectType", "OPPORTUNITY", "subjectId", opportunity)).bearer(admin).send();
		assertThat(planned.status()).as(planned.body()).isEqualTo(201);
		long id = planned.json().get("id").asLong();

		Response done = api.post("/api/v1/activities/" + id + "/done", Map.of("feedback", "They want a 5% discount"))
			.bearer(admin).send();
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		JsonNode next = done.json().get("next");
		assertThat(next.get("typeId").asLong()).isEqualTo(email.get("id").asLong());
		assertThat(next.get("dueDate").asString()).isEqualTo(today().plusDays(email.get("delayDays").asInt()).toString());
		assertThat(next.get("subjectId").asLong()).isEqualTo(opportunity);
		assertThat(next.get("previousId").asLong()).isEqualTo(id);
		JsonNode stored = api.get("/api/v1/activities/" + id).bearer(admin).send().json();
		assertThat(stored.get("status").asString()).isEqualTo("DONE");
		assertThat(stored.get("feedback").asString()).isEqualTo("They want a 5% discount");

		assertProblem(api.post("/api/v1/activities/" + id + "/done", Map.of()).bearer(admin).send(), 409, "error.activity.not-planned");
		JsonNode todo = type("To-do");
		long plain = api.post("/api/v1/activities", Map.of("typeId", todo.get("id").asLong(), "subjectType", "OPPORTUNITY",
				"subjectId", opportunity)).bearer(admin).send().json().get("id").asLong();
		assertThat(api.post("/api/v1/activities/" + plain + "/done", Map.of()).bearer(admin).send().json().get("next").isNull()).isTrue();
	}

	@Test
	void myDayShowsWhatIsOverdueAndDueTodayAndHandOverTellsTheColleague() {
		String seller = api.userWithRoles(admin, "SALESPERSON");
		String colleague = api.userWithRoles(admin, "SALESPERSON");
		long customer = customer();
		long todo = type("To-do").get("id").asLong();
		long overdue = plan(seller, todo, "Overdue " + Api.uniqueName("x"), today().minusDays(2), customer);
		long due = plan(seller, todo, "Today " + Api.uniqueName("x"), today(), customer);
		long later = plan(seller, todo, "Later " + Api.uniqueName("x"), today().plusDays(3), customer);

		JsonNode day = api.get("/api/v1/activities/today").bearer(seller).send().json();
		assertThat(ids(day.get("overdue"))).containsExactly(overdue);
		assertThat(ids(day.get("dueToday"))).containsExactly(due);

		assertThat(api.patch("/api/v1/activities/" + overdue, Map.of("dueDate", today().plusDays(1).toString(), "version", 0))
			.bearer(seller).send().status()).isEqualTo(200);
		long colleagueId = id(colleague);
		Response handed = api.post("/api/v1/activities/" + due + "/handover", Map.of("assigneeId", colleagueId, "note",
				"You know them better")).bearer(seller).send();
		assertThat(handed.status()).as(handed.body()).isEqualTo(200);
		assertThat(handed.json().get("note").asString()).contains("You know them better");

		assertThat(ids(api.get("/api/v1/activities/today").bearer(seller).send().json().get("dueToday"))).isEmpty();
		assertThat(ids(api.get("/api/v1/activities/today").bearer(colleague).send().json().get("dueToday"))).containsExactly(due);
		JsonNode notices = api.get("/api/v1/notifications").bearer(colleague).send().json().get("items");
		assertThat(notices.get(0).get("text").asString()).contains("handed you an activity");
		assertThat(later).isPositive();
	}

	@Test
	void aColleagueGetsAMailWhenAnActivityIsHandedToThem() throws Exception {
		String address = Api.uniqueName("colleague") + "@kervan.example";
		String username = Api.uniqueName("mailed");
		Response colleague = api.post("/api/v1/users", Map.of("username", username, "displayName", "Zeynep Kaya", "email", address,
				"language", "tr", "roles", List.of("SALESPERSON"), "password", Api.PASSWORD)).bearer(admin).send();
		assertThat(colleague.status()).as(colleague.body()).isEqualTo(201);
		long activity = plan(admin, type("Call").get("id").asLong(), "Teklifi konuş", today(), customer());
		Response handed = api.post("/api/v1/activities/" + activity + "/handover", Map.of("assigneeId",
				colleague.json().get("id").asLong(), "note", "Sen tanıyorsun")).bearer(admin).send();
		assertThat(handed.status()).as(handed.body()).isEqualTo(200);

		var mails = mailsTo(address);
		assertThat(mails).hasSize(1);
		assertThat(mails.getFirst().getSubject()).isEqualTo("Size devredildi: Teklifi konuş");
		assertThat(String.valueOf(mails.getFirst().getContent())).contains("Zeynep Kaya", "Teklifi konuş");
	}

	@Test
	void handingOverToATeamGivesTheActivityToItsLeader() {
		String leader = api.userWithRoles(admin, "SALES_MANAGER");
		long leaderId = id(leader);
		long team = api.post("/api/v1/sales-teams", Map.of("name", Api.uniqueName("Handover team"), "leaderId", leaderId)).bearer(admin)
			.send().json().get("id").asLong();
		long empty = api.post("/api/v1/sales-teams", Map.of("name", Api.uniqueName("Empty team"))).bearer(admin).send().json()
			.get("id").asLong();
		long activity = plan(admin, type("Call").get("id").asLong(), "For the team", today(), customer());
		assertProblem(api.post("/api/v1/activities/" + activity + "/handover", Map.of("teamId", empty)).bearer(admin).send(), 400,
				"error.validation");
		Response handed = api.post("/api/v1/activities/" + activity + "/handover", Map.of("teamId", team, "note", "Yours"))
			.bearer(admin).send();
		assertThat(handed.status()).as(handed.body()).isEqualTo(200);
		assertThat(handed.json().get("assigneeId").asLong()).isEqualTo(leaderId);
	}

	@Test
	void activitiesArePlannedOnLeadsToo() {
		long lead = api.post("/api/v1/leads", Map.of("title", Api.uniqueName("Lead to call"))).bearer(admin).send().json().get("id")
			.asLong();
		Response planned = api.post("/api/v1/activities", Map.of("typeId", type("Call").get("id").asLong(), "summary", "First call",
				"subjectType", "LEAD", "subjectId", lead)).bearer(admin).send();
		assertThat(planned.status()).as(planned.body()).isEqualTo(201);
		assertThat(ids(api.get("/api/v1/activities?subjectType=LEAD&subjectId=" + lead).bearer(admin).send().json().get("items")))
			.containsExactly(planned.json().get("id").asLong());
		assertProblem(api.post("/api/v1/activities", Map.of("typeId", type("Call").get("id").asLong(), "subjectType", "LEAD",
				"subjectId", 987654321)).bearer(admin).send(), 400, "error.validation");
	}

	@Test
	void aKindOfRecordNoModuleDeclaresIsRefusedAndNothingIsPlanned() {
		long customer = customer();
		Response listed = api.get("/api/v1/activities?subjectType=INVOICE&subjectId=1").bearer(admin).send();
		assertProblem(listed, 400, "error.validation");
		assertThat(listed.json().get("errors").get(0).get("field").asString()).isEqualTo("subjectType");
		Response planned = api.post("/api/v1/activities", Map.of("typeId", type("Call").get("id").asLong(), "subjectType",
				"INVOICE", "subjectId", customer)).bearer(admin).send();
		assertProblem(planned, 400, "error.validation");
		assertThat(planned.json().get("errors").get(0).get("field").asString()).isEqualTo("subjectType");
		assertThat(jdbc.sql("select count(*) from activity where subject_id = ?").param(customer).query(Long.class).single()).isZero();
	}

	@Test
	void badInputIsRefusedAndOthersActivitiesAreProtected() {
		String seller = api.userWithRoles(admin, "SALESPERSON");
		String other = api.userWithRoles(admin, "WAREHOUSE");
		String portal = api.userWithRoles(admin, "PORTAL");
		long customer = customer();
		assertProblem(api.post("/api/v1/activities", Map.of("typeId", 999999, "subjectType", "INVOICE", "subjectId", 1,
				"dueDate", "tomorrow")).bearer(seller).send(), 400, "error.validation");
		assertProblem(api.post("/api/v1/activities", Map.of("typeId", type("Call").get("id").asLong(), "subjectType", "CUSTOMER",
				"subjectId", 987654321)).bearer(seller).send(), 400, "error.validation");
		long mine = plan(seller, type("Call").get("id").asLong(), "Mine", today(), customer);
		assertProblem(api.post("/api/v1/activities/" + mine + "/done", Map.of()).bearer(other).send(), 403, "error.activity.forbidden");
		assertThat(api.get("/api/v1/activities/today").bearer(portal).send().status()).isEqualTo(403);
		assertProblem(api.post("/api/v1/activities/" + mine + "/handover", Map.of("assigneeId", id(seller))).bearer(seller).send(),
				400, "error.validation");
		assertProblem(api.patch("/api/v1/activities/" + mine, Map.of("summary", "x", "version", 7)).bearer(seller).send(), 409,
				"error.version-conflict");
		assertProblem(api.post("/api/v1/activity-types", Map.of("name", "Visit", "category", "MEETING")).bearer(seller).send(), 403,
				"error.activity.forbidden");
	}

	@Test
	void activitiesAreAssignedToActiveStaffOnlyNeverToPortalUsers() {
		String seller = api.userWithRoles(admin, "SALESPERSON");
		long portal = id(api.userWithRoles(admin, "PORTAL"));
		String leaverToken = api.userWithRoles(admin, "SALESPERSON");
		long leaver = id(leaverToken);
		assertThat(api.patch("/api/v1/users/" + leaver, Map.of("active", false)).header("If-Match", "*").bearer(admin).send().status()).isEqualTo(200);
		long customer = customer();
		long call = type("Call").get("id").asLong();
		long before = jdbc.sql("select count(*) from activity where subject_type = 'CUSTOMER' and subject_id = :c")
			.param("c", customer).query(Long.class).single();

		Response toPortal = api.post("/api/v1/activities", Map.of("typeId", call, "summary", "For the portal", "subjectType",
				"CUSTOMER", "subjectId", customer, "assigneeId", portal)).bearer(seller).send();
		assertProblem(toPortal, 400, "error.validation");
		assertThat(toPortal.json().get("errors").get(0).get("field").asString()).isEqualTo("assigneeId");
		assertProblem(api.post("/api/v1/activities", Map.of("typeId", call, "summary", "For a leaver", "subjectType", "CUSTOMER",
				"subjectId", customer, "assigneeId", leaver)).bearer(seller).send(), 400, "error.validation");
		assertThat(jdbc.sql("select count(*) from activity where subject_type = 'CUSTOMER' and subject_id = :c")
			.param("c", customer).query(Long.class).single()).isEqualTo(before);

		long mine = plan(seller, call, "Mine to hand over", today(), customer);
		Response handedToPortal = api.post("/api/v1/activities/" + mine + "/handover", Map.of("assigneeId", portal, "version", 0))
			.bearer(seller).send();
		assertProblem(handedToPortal, 400, "error.validation");
		assertThat(handedToPortal.json().get("errors").get(0).get("field").asString()).isEqualTo("assigneeId");
		assertThat(handedToPortal.json().get("errors").get(0).get("message").asString()).contains("portal");
		JsonNode unchanged = api.get("/api/v1/activities/" + mine).bearer(seller).send().json();
		assertThat(unchanged.get("assigneeId").asLong()).isEqualTo(id(seller));
		assertThat(unchanged.get("version").asLong()).isZero();
	}

	// --- helpers --------------------------------------------------------------------------------------------------

	private long plan(String token, long type, String summary, LocalDate due, long customer) {
		Response planned = api.post("/api/v1/activities", Map.of("typeId", type, "summary", summary, "dueDate", due.toString(),
				"subjectType", "CUSTOMER", "subjectId", customer)).bearer(token).send();
		assertThat(planned.status()).as(planned.body()).isEqualTo(201);
		return planned.json().get("id").asLong();
	}

	private JsonNode type(String name) {
		for (JsonNode type : api.get("/api/v1/activity-types").bearer(admin).send().json().get("items")) {
			if (type.get("name").asString().equals(name)) {
				return type;
			}
		}
		throw new AssertionError("No activity type " + name);
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneId.systemDefault()); // tests leave the display zone unset: the machine's
	}

	private static List<Long> ids(JsonNode items) {
		var ids = new ArrayList<Long>();
		items.forEach(item -> ids.add(item.get("id").asLong()));
		return ids;
	}

	private long id(String token) {
		return api.get("/api/v1/me").bearer(token).send().json().get("id").asLong();
	}

	private long customer() {
		Response created = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", Api.uniqueName("Activity customer"),
				"roles", List.of("CUSTOMER"), "country", "TR")).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private long opportunity() {
		Response created = api.post("/api/v1/opportunities", Map.of("title", Api.uniqueName("Activity deal"))).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}
}
