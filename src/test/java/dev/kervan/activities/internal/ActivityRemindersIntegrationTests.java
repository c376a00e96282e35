package dev.kervan.activities.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ActivityRemindersIntegrationTests extends KervanIntegrationTest {

	@Autowired
	private ActivityMails mails;

	@Test
	void eachMorningPeopleGetOneMailWithWhatIsDueOrOverdue() throws Exception {
		String admin = api.token("admin", ADMIN_PASSWORD);
		String address = Api.uniqueName("reminded") + "@kervan.example";
		Response person = api.post("/api/v1/users", Map.of("username", Api.uniqueName("reminded"), "displayName", "Reza Ahmadi",
				"email", address, "language", "en", "roles", List.of("SALESPERSON"), "password", Api.PASSWORD)).bearer(admin).send();
		long personId = person.json().get("id").asLong();
		long customer = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", Api.uniqueName("Reminder customer"),
				"roles", List.of("CUSTOMER"), "country", "TR")).bearer(admin).send().json().get("id").asLong();
		long type = api.get("/api/v1/activity-types").bearer(admin).send().json().get("items").get(0).get("id").asLong();
		LocalDate today = LocalDate.now();
		for (var planned : List.of(Map.entry("Overdue visit", today.minusDays(2)), Map.entry("Today's call", today),
				Map.entry("Next week", today.plusDays(7)))) {
			api.post("/api/v1/activities", Map.of("typeId", type, "summary", planned.getKey(), "dueDate", planned.getValue().toString(),
					"subjectType", "CUSTOMER", "subjectId", customer, "assigneeId", personId)).bearer(admin).send();
		}

		assertThat(mails.sendReminders(today)).isPositive();
		var received = mailsTo(address);
		assertThat(received).hasSize(1);
		assertThat(received.getFirst().getSubject()).isEqualTo("2 activities due today or overdue");
		assertThat(String.valueOf(received.getFirst().getContent())).contains("Overdue visit", "Today's call").doesNotContain("Next week");
	}
}
