package dev.kervan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.kervan.support.Api;
import dev.kervan.support.BrowserTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The pipeline in Chromium: drag a card to another column and find it there after a reload; lose one with a reason. */
class PipelineBrowserTests extends BrowserTest {

	@Test
	void dragACardKeepItThereAndMarkOneLost() {
		String admin = api.token("admin", ADMIN_PASSWORD);
		String manager = staffUser("manager", "SALES_MANAGER");
		// A team of its own: the first team's board holds the cards every other test made, and a long column puts the
		// new card below the window, where a mouse cannot reach it.
		long team = api.post("/api/v1/sales-teams", Map.of("name", Api.uniqueName("Board team"))).bearer(admin).send()
			.json().get("id").asLong();
		long[] stageIds = new long[3];
		Object[][] stages = { { "New", 10, false }, { "Offer", 50, false }, { "Won", 100, true } };
		for (int i = 0; i < stages.length; i++) {
			stageIds[i] = api.post("/api/v1/pipeline-stages", Map.of("teamId", team, "name", stages[i][0],
					"probability", stages[i][1], "won", stages[i][2])).bearer(admin).send().json().get("id").asLong();
		}
		long target = stageIds[1];
		String title = Api.uniqueName("Dragged card");
		long card = api.post("/api/v1/opportunities", Map.of("title", title, "teamId", team, "expectedRevenue", "5000"))
			.bearer(admin).send().json().get("id").asLong();

		try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
			Page page = context.newPage();
			logIn(page, manager);
			page.navigate(api.base() + "/pipeline?teamId=" + team);
			Locator source = page.locator(".kervan-card[data-id='" + card + "']");
			Locator column = page.locator("[data-stage-id='" + target + "'] .kervan-cards");
			assertThat(source).isVisible();

			page.waitForResponse(response -> response.url().endsWith("/pipeline/cards/" + card + "/move"), () -> {
				var from = source.boundingBox();
				var to = column.boundingBox();
				page.mouse().move(from.x + from.width / 2, from.y + from.height / 2);
				page.mouse().down();
				page.mouse().move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
				page.mouse().move(to.x + to.width / 2, to.y + 20, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(20));
				page.mouse().up();
			});
			// The answer swaps the two columns in place: their counts change before any reload.
			assertThat(page.locator("#column-" + target + " .kervan-column-count")).hasText("1");
			assertThat(page.locator("#column-" + stageIds[0] + " .kervan-column-count")).hasText("0");
			page.reload();
			assertThat(page.locator("[data-stage-id='" + target + "'] .kervan-card[data-id='" + card + "']")).isVisible();
			screenshot(page, "pipeline-board");

			page.click(".kervan-card[data-id='" + card + "'] a");
			page.click("#mark-lost");
			// The form slides open (a Bootstrap collapse): it is filled once it is fully shown, not while it moves.
			assertThat(page.locator("#lost-form.collapse.show")).isVisible();
			page.selectOption("#f-lostReasonId", new com.microsoft.playwright.options.SelectOption().setIndex(1));
			page.fill("#f-note", "Went with a cheaper offer");
			page.waitForResponse(response -> response.url().contains("/lost") && response.request().method().equals("POST"),
					() -> page.click("#confirm-lost"));
			assertThat(page.locator("#opportunity-status")).hasText("Lost");
			assertThat(page.locator("#opportunity-lost-reason")).isVisible();

			page.navigate(api.base() + "/pipeline/stats?teamId=" + team);
			assertThat(page.locator("canvas[data-chart='bar'][data-drawn='yes']")).isVisible();
			assertThat(page.locator("#stats-reasons")).not().containsText("None in this period");
			screenshot(page, "pipeline-stats");
		}
	}

	@Test
	void completeACallFromMyDayAndFindItsFollowUpPlanned() {
		String admin = api.token("admin", ADMIN_PASSWORD);
		String manager = staffUser("closer", "SALES_MANAGER");
		long deal = api.post("/api/v1/opportunities", Map.of("title", Api.uniqueName("Follow-up deal"))).bearer(admin).send().json()
			.get("id").asLong();
		long call = 0;
		for (JsonNode type : api.get("/api/v1/activity-types").bearer(admin).send().json().get("items")) {
			if (type.get("name").asString().equals("Call")) {
				call = type.get("id").asLong();
			}
		}
		long managerId = api.get("/api/v1/me").bearer(api.token(manager, Api.PASSWORD)).send().json().get("id").asLong();
		var planned = api.post("/api/v1/activities", Map.of("typeId", call, "summary", "Ask about the tender", "subjectType",
				"OPPORTUNITY", "subjectId", deal, "assigneeId", managerId, "dueDate", java.time.LocalDate.now().toString()))
			.bearer(admin).send();
		org.assertj.core.api.Assertions.assertThat(planned.status()).as(planned.body()).isEqualTo(201);

		try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
			Page page = context.newPage();
			logIn(page, manager);
			page.click(".kervan-sidebar a[href='/activities/today']");
			Locator activity = page.locator(".kervan-activity:has-text('Ask about the tender')");
			assertThat(activity).isVisible();
			activity.locator("input[name=feedback]").fill("They will decide on Friday");
			activity.locator(".kervan-done button").click();
			assertThat(page.locator("#activity-message")).containsText("Next planned: Email");
			assertThat(page.locator(".kervan-activity:has-text('Ask about the tender')")).hasCount(0);

			page.navigate(api.base() + "/pipeline/opportunities/" + deal);
			assertThat(page.locator("#activities .kervan-activity[data-status='PLANNED']")).containsText("Email");
			assertThat(page.locator("#activities .kervan-activity[data-status='DONE']")).containsText("They will decide on Friday");
			screenshot(page, "opportunity-activities");

			page.navigate(api.base() + "/pipeline/leads");
			page.setInputFiles("#lead-file", new com.microsoft.playwright.options.FilePayload("fuar.csv", "text/csv",
					"Şirket,E-posta\nFuar Gıda,info@fuar.example\nBozuk,not-mail\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			page.click("#import-leads button[type=submit]");
			assertThat(page.locator("#import-result")).containsText("1 leads imported");
			assertThat(page.locator("#import-result")).containsText("Row 3");
		}
	}
}
