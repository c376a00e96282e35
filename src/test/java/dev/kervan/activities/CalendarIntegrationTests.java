package dev.kervan.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.PageIntegrationTest;
import org.junit.jupiter.api.Test;

class CalendarIntegrationTests extends PageIntegrationTest {

	private static final Pattern FEED = Pattern.compile("(http://[^<\\s]+/calendar/feed/[A-Za-z0-9_-]+\\.ics)");

	@Test
	void theWeekAndMonthShowTheActivitiesAndCalendarAppsSubscribeByASecretAddress() throws Exception {
		long customer = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", Api.uniqueName("Calendar customer"),
				"roles", List.of("CUSTOMER"), "country", "TR")).bearer(admin).send().json().get("id").asLong();
		long type = api.get("/api/v1/activity-types").bearer(admin).send().json().get("items").get(0).get("id").asLong();
		String summary = "Price, terms; next steps " + Api.uniqueName("");
		Response planned = api.post("/api/v1/activities", Map.of("typeId", type, "summary", summary, "dueDate",
				LocalDate.now().toString(), "subjectType", "CUSTOMER", "subjectId", customer)).bearer(admin).send();
		assertThat(planned.status()).as(planned.body()).isEqualTo(201);

		assertThat(browser.get("/calendar").body()).contains(summary);
		assertThat(browser.get("/calendar?view=month&date=" + LocalDate.now()).body()).contains(summary);
		assertThat(browser.get("/calendar?view=month&date=not-a-date").status()).isEqualTo(200);
		String persianWeek = browser.get("/calendar?lang=fa").body();
		var firstDay = Pattern.compile("data-date=\"([0-9-]+)\"").matcher(persianWeek);
		assertThat(firstDay.find()).isTrue();
		assertThat(LocalDate.parse(firstDay.group(1)).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
		browser.get("/calendar?lang=en");

		String address = feedAddress();
		HttpClient calendarApp = HttpClient.newHttpClient();
		Response feed = Api.exchange(calendarApp, HttpRequest.newBuilder(URI.create(address)).GET().build());
		assertThat(feed.status()).isEqualTo(200);
		assertThat(feed.contentType()).startsWith("text/calendar");
		assertThat(feed.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("SUMMARY:").contains("Price\\, terms\\; next steps")
			.contains("DTSTART;VALUE=DATE:" + LocalDate.now().toString().replace("-", ""));

		String renewed = feedAddress();
		assertThat(renewed).isNotEqualTo(address);
		assertThat(Api.exchange(calendarApp, HttpRequest.newBuilder(URI.create(address)).GET().build()).status()).isEqualTo(404);
		assertThat(Api.exchange(calendarApp, HttpRequest.newBuilder(URI.create(api.base() + "/calendar/feed/guess.ics")).GET().build())
			.status()).isEqualTo(404);
		assertThat(Api.exchange(calendarApp, HttpRequest.newBuilder(URI.create(api.base() + "/calendar")).GET().build()).status())
			.isNotEqualTo(200);
	}

	private String feedAddress() {
		Response made = browser.submit("/calendar", "/calendar/feed", Map.of());
		assertThat(made.status()).isEqualTo(302);
		var matcher = FEED.matcher(browser.get("/calendar").body());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}
}
