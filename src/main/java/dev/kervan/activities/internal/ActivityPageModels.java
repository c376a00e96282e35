package dev.kervan.activities.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.kervan.activities.ActivitySubjects;
import dev.kervan.activities.HandoverTeams;
import dev.kervan.identity.CurrentUsers;
import dev.kervan.identity.Role;
import dev.kervan.identity.UserSummary;
import dev.kervan.identity.Users;
import dev.kervan.platform.Dates;
import dev.kervan.platform.Notifications;
import dev.kervan.platform.PageModel;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the activities' pages show, each in one call: "my day", a record's activities panel, the hand-over form,
 * the calendar and the activity types.
 */
@Component
public class ActivityPageModels {

	/** Unread notices "my day" shows at the most. */
	private static final int NOTICES = 5;

	private final Activities activities;
	private final ActivityTypes types;
	private final SubjectNames subjectNames;
	private final SubjectTypes subjects;
	private final Users users;
	private final CurrentUsers currentUsers;
	private final Notifications notifications;
	private final CalendarFeeds feeds;
	private final Optional<HandoverTeams> teams;

	ActivityPageModels(Activities activities, ActivityTypes types, SubjectNames subjectNames, SubjectTypes subjects,
			Users users, CurrentUsers currentUsers, Notifications notifications, CalendarFeeds feeds,
			Optional<HandoverTeams> teams) {
		this.activities = activities;
		this.types = types;
		this.subjectNames = subjectNames;
		this.subjects = subjects;
		this.users = users;
		this.currentUsers = currentUsers;
		this.notifications = notifications;
		this.feeds = feeds;
		this.teams = teams;
	}

	/** What is overdue and due today, with each activity's record ({@code subjects}, keyed "TYPE:id"). */
	public record DayPage(Activities.Day day, Map<String, SubjectNames.Subject> subjects, LocalDate tomorrow,
			List<Notifications.Notice> notices) implements PageModel {
	}

	/** A record's activities and what the form to plan one offers. */
	public record PanelPage(List<ActivityRow> activities, List<ActivityTypes.ActivityType> types, String subjectType,
			long subjectId, String subjectLink, LocalDate today) implements PageModel {
	}

	/** Whom an activity may be handed to: colleagues by name, and teams ("team:id") when a module offers them. */
	public record HandoverPage(ActivityRow activity, List<UserSummary> colleagues, Map<Long, String> teams)
			implements PageModel {
	}

	/** A week or a month of one's activities, in weeks of seven days from the reader's first day of the week. */
	public record CalendarPage(String view, List<List<Map.Entry<LocalDate, List<ActivityRow>>>> weeks, LocalDate day,
			LocalDate today, LocalDate previous, LocalDate next, Map<String, SubjectNames.Subject> subjects,
			boolean hasFeed) implements PageModel {
	}

	public record TypesPage(List<ActivityTypes.ActivityType> types, ActivityTypes.Category[] categories, boolean mayChange)
			implements PageModel {
	}

	public DayPage today() {
		Activities.Day day = activities.myDay();
		return new DayPage(day,
				subjectNames.of(Stream.concat(day.overdue().stream(), day.dueToday().stream()).toList()),
				day.today().plusDays(1),
				notifications.latest(currentUsers.get().id(), NOTICES).stream().filter(n -> !n.read()).toList());
	}

	public PanelPage panel(String subjectType, long subjectId) {
		ActivitySubjects kind = subjects.named(subjectType);
		return new PanelPage(activities.ofSubject(kind.type(), subjectId),
				types.list().stream().filter(ActivityTypes.ActivityType::active).toList(), kind.type(), subjectId,
				kind.link(subjectId), activities.today());
	}

	public HandoverPage handover(long id) {
		ActivityRow activity = activities.get(id);
		var people = new LinkedHashMap<Long, UserSummary>();
		for (Role role : Role.internal()) {
			users.activeWithRole(role).forEach(u -> people.putIfAbsent(u.id(), u));
		}
		long me = currentUsers.get().id();
		List<UserSummary> colleagues = people.values().stream().filter(u -> u.id() != me)
			.sorted(Comparator.comparing(UserSummary::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
		return new HandoverPage(activity, colleagues, teams.map(HandoverTeams::active).orElse(Map.of()));
	}

	/**
	 * The week (or, with {@code view} "month", the month) of {@code date}; nonsense, or a date outside
	 * {@link Dates}' range (whose next week does not exist), shows today's.
	 */
	public CalendarPage calendar(String view, @Nullable String date) {
		boolean month = "month".equals(view);
		LocalDate today = activities.today();
		LocalDate day = Dates.parse(date).orElse(today);
		DayOfWeek firstDay = firstDayOfWeek();
		LocalDate from = (month ? day.withDayOfMonth(1) : day).with(TemporalAdjusters.previousOrSame(firstDay));
		LocalDate to = month ? day.with(TemporalAdjusters.lastDayOfMonth()).with(TemporalAdjusters.nextOrSame(firstDay.minus(1)))
				: from.plusDays(6);
		List<ActivityRow> rows = activities.between(null, from, to);
		var byDay = new LinkedHashMap<LocalDate, List<ActivityRow>>();
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			byDay.put(d, new ArrayList<>());
		}
		rows.forEach(row -> byDay.get(row.dueDate()).add(row));
		var weeks = new ArrayList<List<Map.Entry<LocalDate, List<ActivityRow>>>>();
		var entries = new ArrayList<>(byDay.entrySet());
		for (int i = 0; i < entries.size(); i += 7) {
			weeks.add(entries.subList(i, Math.min(i + 7, entries.size())));
		}
		return new CalendarPage(month ? "month" : "week", weeks, day, today,
				month ? day.minusMonths(1) : day.minusWeeks(1), month ? day.plusMonths(1) : day.plusWeeks(1),
				subjectNames.of(rows), feeds.exists());
	}

	public TypesPage types() {
		return new TypesPage(types.list(), ActivityTypes.Category.values(), currentUsers.get().has(Role.ADMIN));
	}

	/** Iranian weeks start on Saturday, Turkish (and ours in English) on Monday. */
	private static DayOfWeek firstDayOfWeek() {
		return "fa".equals(LocaleContextHolder.getLocale().getLanguage()) ? DayOfWeek.SATURDAY : DayOfWeek.MONDAY;
	}
}
