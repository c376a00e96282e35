package dev.kervan.activities.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.kervan.platform.KervanProperties;
import dev.kervan.platform.Mailer;
import dev.kervan.platform.TranslatedNames;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mail activities send, as background jobs: to a colleague an activity was handed to, once the hand-over
 * is committed; and each morning, at {@code kervan.reminders-at} in the company's time zone, to everyone with
 * activities due that day or overdue. Mails are in the recipient's language.
 */
@Configuration(proxyBeanMethods = false)
class ActivityMails {

	static final String HANDOVER = "activity-handover-mail";

	private final JdbcClient jdbc;
	private final Mailer mailer;
	private final MessageSource messages;
	private final Clock clock;
	private final KervanProperties properties;

	ActivityMails(JdbcClient jdbc, Mailer mailer, MessageSource messages, Clock clock, KervanProperties properties) {
		this.jdbc = jdbc;
		this.mailer = mailer;
		this.messages = messages;
		this.clock = clock;
		this.properties = properties;
	}

	@Bean
	OneTimeTask<String> handoverMail() {
		return Tasks.oneTime(HANDOVER, String.class).execute((instance, context) -> sendHandover(Long.parseLong(instance.getData())));
	}

	@Bean
	RecurringTask<Void> dailyReminders(@Value("${kervan.reminders-at:08:00}") LocalTime at) {
		return Tasks.recurring("activity-reminders", Schedules.daily(properties.displayZone(), at))
			.execute((instance, context) -> sendReminders(LocalDate.now(clock)));
	}

	/** Tells the assignee of an activity that it was handed to them, unless they have no address. */
	void sendHandover(long activityId) {
		jdbc.sql("""
				select a.summary, a.due_date, %s as type_name, u.email, u.language, u.display_name
				from activity a join activity_type t on t.id = a.type join user_ref u on u.id = a.assignee
				where a.id = :id and a.status = 'PLANNED' and u.active and u.email is not null"""
				.formatted(TranslatedNames.shownIn("t", "u.language")))
			.param("id", activityId)
			.query(rs -> {
				Locale language = Locale.forLanguageTag(rs.getString("language"));
				mailer.send(rs.getString("email"), messages.getMessage("mail.handover.subject",
						new Object[] { rs.getString("summary") }, language),
						messages.getMessage("mail.handover.body", new Object[] { rs.getString("display_name"),
								rs.getString("type_name"), rs.getString("summary"), rs.getObject("due_date", LocalDate.class).toString() },
								language));
			});
	}

	/** One mail per person with activities due on the day or before it; answers how many were sent. */
	int sendReminders(LocalDate day) {
		var byPerson = new LinkedHashMap<String, List<String>>();
		var languages = new LinkedHashMap<String, Locale>();
		jdbc.sql("""
				select u.email, u.language, a.due_date, %s as type_name, a.summary
				from activity a join activity_type t on t.id = a.type join user_ref u on u.id = a.assignee
				where a.status = 'PLANNED' and a.due_date <= :day and u.active and u.email is not null
				order by u.id, a.due_date, a.id""".formatted(TranslatedNames.shownIn("t", "u.language")))
			.param("day", day)
			.query(rs -> {
				String email = rs.getString("email");
				languages.putIfAbsent(email, Locale.forLanguageTag(rs.getString("language")));
				byPerson.computeIfAbsent(email, e -> new ArrayList<>()).add("- " + rs.getObject("due_date", LocalDate.class) + "  "
						+ rs.getString("type_name") + ": " + rs.getString("summary"));
			});
		for (Map.Entry<String, List<String>> person : byPerson.entrySet()) {
			Locale language = languages.get(person.getKey());
			mailer.send(person.getKey(), messages.getMessage("mail.reminder.subject", new Object[] { person.getValue().size() }, language),
					messages.getMessage("mail.reminder.body", null, language) + "\n\n" + String.join("\n", person.getValue()));
		}
		return byPerson.size();
	}
}
