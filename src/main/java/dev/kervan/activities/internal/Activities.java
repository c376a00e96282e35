package dev.kervan.activities.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;

import dev.kervan.activities.ActivitySubjects;
import dev.kervan.activities.HandoverTeams;
import dev.kervan.activities.internal.ActivityTypes.ActivityType;
import dev.kervan.identity.CurrentUser;
import dev.kervan.identity.CurrentUsers;
import dev.kervan.identity.Role;
import dev.kervan.identity.UserSummary;
import dev.kervan.identity.Users;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.BackgroundJobs;
import dev.kervan.platform.Checks;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.Notifications;
import dev.kervan.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planning activities on records, doing them (which plans the follow-up their type suggests), moving them to
 * another day and handing them to a colleague, who is told. Only done activities count in reports.
 */
@Service
public class Activities {

	static final String RECORD_TYPE = "activity";

	/** What doing an activity left: the done one and the follow-up it planned, if its type suggests one. */
	public record Done(ActivityRow done, @Nullable ActivityRow next) {
	}

	/** A person's day: what is overdue and what is due today. */
	public record Day(LocalDate today, List<ActivityRow> overdue, List<ActivityRow> dueToday) {
	}

	private final JdbcClient jdbc;
	private final CurrentUsers currentUsers;
	private final Users users;
	private final ActivityTypes types;
	private final ActivityPolicy policy;
	private final AuditTrail audit;
	private final Notifications notifications;
	private final Clock clock;
	private final BackgroundJobs jobs;
	private final OneTimeTask<String> handoverMail;
	private final SubjectTypes subjects;
	private final java.util.Optional<HandoverTeams> teams;

	Activities(JdbcClient jdbc, CurrentUsers currentUsers, Users users, ActivityTypes types, ActivityPolicy policy,
			AuditTrail audit, Notifications notifications, Clock clock, BackgroundJobs jobs,
			OneTimeTask<String> handoverMail, SubjectTypes subjects, java.util.Optional<HandoverTeams> teams) {
		this.subjects = subjects;
		this.teams = teams;
		this.jobs = jobs;
		this.handoverMail = handoverMail;
		this.jdbc = jdbc;
		this.currentUsers = currentUsers;
		this.users = users;
		this.types = types;
		this.policy = policy;
		this.audit = audit;
		this.notifications = notifications;
		this.clock = clock;
	}

	/** Today where the company is: the clock runs in the configured time zone, not the server's. */
	public LocalDate today() {
		return LocalDate.now(clock);
	}

	public ActivityRow get(long id) {
		CurrentUser user = ActivityPolicy.requireStaff(currentUsers.get());
		ActivityRow row = load(id);
		if (!policy.maySee(user, row)) {
			throw new RecordNotFoundException(RECORD_TYPE, id);
		}
		return row;
	}

	/** The activities of a record, planned ones first by due date, then done ones newest first. */
	public List<ActivityRow> ofSubject(String subjectType, long id) {
		ActivityPolicy.requireStaff(currentUsers.get());
		String type = subjects.named(subjectType).type();
		if (!policy.seesSubject(type, id)) {
			throw new RecordNotFoundException(type.toLowerCase(java.util.Locale.ROOT), id);
		}
		return jdbc.sql(ActivityRow.select() + " " + """
				 where a.subject_type = :type and a.subject_id = :id and a.status <> 'CANCELLED'
				order by a.status = 'PLANNED' desc, case when a.status = 'PLANNED' then a.due_date end, a.done_at desc, a.id""")
			.param("type", type)
			.param("id", id)
			.query((rs, n) -> ActivityRow.of(rs))
			.list();
	}

	/** The current user's planned activities due today or earlier. */
	public Day myDay() {
		CurrentUser user = ActivityPolicy.requireStaff(currentUsers.get());
		LocalDate today = today();
		List<ActivityRow> due = jdbc.sql(ActivityRow.select() + " " + """
				 where a.assignee = :me and a.status = 'PLANNED' and a.due_date <= :today order by a.due_date, a.id limit 500""")
			.param("me", user.id())
			.param("today", today)
			.query((rs, n) -> ActivityRow.of(rs))
			.list();
		return new Day(today, due.stream().filter(a -> a.dueDate().isBefore(today)).toList(),
				due.stream().filter(a -> !a.dueDate().isBefore(today)).toList());
	}

	/** The activities assigned to the current user (or, for managers, to anyone) between two days. */
	public List<ActivityRow> between(@Nullable Long assigneeId, LocalDate from, LocalDate to) {
		CurrentUser user = ActivityPolicy.requireStaff(currentUsers.get());
		long assignee = assigneeId == null ? user.id() : assigneeId;
		if (assignee != user.id() && !user.has(Role.SALES_MANAGER)) {
			throw ActivityPolicy.forbidden();
		}
		return jdbc.sql(ActivityRow.select() + " " + """
				 where a.assignee = :assignee and a.status <> 'CANCELLED' and a.due_date between :from and :to
				order by a.due_date, a.id limit 2000""")
			.param("assignee", assignee)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> ActivityRow.of(rs))
			.list();
	}

	@Transactional
	public ActivityRow plan(NewActivity command) {
		CurrentUser user = ActivityPolicy.requireStaff(currentUsers.get());
		var checks = new Checks();
		ActivityType type = null;
		Long typeId = checks.required("typeId", command.typeId());
		if (typeId != null) {
			type = types.find(typeId).filter(ActivityType::active).orElse(null);
			if (type == null) {
				checks.reject("typeId", "error.activity.unknown-type", typeId);
			}
		}
		String subjectName = checks.name("subjectType", command.subjectType());
		String subjectType = subjectName == null ? null : subjects.find(subjectName).map(ActivitySubjects::type).orElse(null);
		Long subjectId = command.subjectId();
		if (subjectName == null) {
			checks.reject("subjectType", "error.value.required");
		}
		else if (subjectType == null) {
			checks.reject("subjectType", "error.value.invalid-type");
		}
		if (subjectId == null) {
			checks.reject("subjectId", "error.value.required");
		}
		else if (subjectType != null && !policy.seesSubject(subjectType, subjectId)) {
			checks.reject("subjectId", "error.activity.unknown-subject", subjectId);
		}
		String summary = checks.name("summary", command.summary(), 200);
		String note = checks.freeText("note", command.note(), 4000);
		LocalDate due = checks.date("dueDate", command.dueDate());
		long assignee = command.assigneeId() == null ? user.id() : command.assigneeId();
		checkAssignee(checks, "assigneeId", assignee);
		checks.throwIfInvalid();
		if (summary == null) {
			summary = type.defaultSummary() != null ? type.defaultSummary() : type.name();
		}
		if (due == null) {
			due = today().plusDays(type.delayDays());
		}
		long id = insert(type.id(), summary, note, subjectType, subjectId, assignee, due, null, user.id());
		ActivityRow saved = load(id);
		audit.created(RECORD_TYPE, id, saved.snapshot());
		if (assignee != user.id()) {
			notifications.notify(assignee, "notice.activity.assigned", "/activities/today", user.displayName(), saved.summary());
		}
		return saved;
	}

	/** Moves the activity to another day, or changes its summary, note or type. */
	@Transactional
	public ActivityRow update(long id, ExpectedVersion expected, ActivityChange change) {
		CurrentUser user = ActivityPolicy.requireStaff(currentUsers.get());
		ActivityRow before = changeable(user, id, expected);
		var checks = new Checks();
		long type = before.typeId();
		if (change.typeId().isGiven()) {
			Long typeId = change.typeId().value();
			if (typeId == null || types.find(typeId).filter(ActivityType::active).isEmpty()) {
				checks.reject("typeId", "error.activity.unknown-type", String.valueOf(typeId));
			}
			else {
				type = typeId;
			}
		}
		String summary = before.summary();
		if (change.summary().isGiven()) {
			String given = checks.required("summary", checks.name("summary", change.summary(), 200).value());
			summary = given == null ? summary : given;
		}
		String note = checks.freeText("note", change.note(), 4000).applyTo(before.note());
		LocalDate due = before.dueDate();
		if (change.dueDate().isGiven()) {
			LocalDate given = checks.required("dueDate", checks.date("dueDate", change.dueDate()).value());
			due = given == null ? due : given;
		}
		if (change.assigneeId().isGiven() && !Long.valueOf(before.assigneeId()).equals(change.assigneeId().value())) {
			checks.reject("assigneeId", "error.activity.handover-instead");
		}
		checks.throwIfInvalid();
		if (type == before.typeId() && summary.equals(before.summary()) && java.util.Objects.equals(note, before.note())
				&& due.equals(before.dueDate())) {
			return before;
		}
		int changed = jdbc.sql("""
				update activity set type = :type, summary = :summary, note = :note, due_date = :due, version = version + 1
				where id = :id and version = :version""")
			.param("type", type)
			.param("summary", summary)
			.param("note", note)
			.param("due", due)
			.param("id", id)
			.param("version", before.version())
			.update();
		return saved(id, changed, before, expected);
	}

	/** Marks the activity done with what came of it; plans the follow-up its type suggests. */
	@Transactional
	public Done done(long id, ExpectedVersion expected, Completion completion) {
		CurrentUser user = ActivityPolicy.requireStaff(currentUsers.get());
		ActivityRow before = changeable(user, id, expected);
		var checks = new Checks();
		String feedback = checks.freeText("feedback", completion.feedback(), 4000);
		checks.throwIfInvalid();
		int changed = jdbc.sql("""
				update activity set status = 'DONE', feedback = :feedback, done_at = now(), done_by = :me, version = version + 1
				where id = :id and version = :version""")
			.param("feedback", feedback)
			.param("me", user.id())
			.param("id", id)
			.param("version", before.version())
			.update();
		ActivityRow done = saved(id, changed, before, expected);
		ActivityType type = types.get(before.typeId());
		ActivityRow next = null;
		if (type.nextTypeId() != null) {
			ActivityType nextType = types.get(type.nextTypeId());
			String summary = nextType.defaultSummary() != null ? nextType.defaultSummary() : nextType.name();
			long nextId = insert(nextType.id(), summary, null, before.subjectType(), before.subjectId(), before.assigneeId(),
					today().plusDays(nextType.delayDays()), id, user.id());
			next = load(nextId);
			audit.created(RECORD_TYPE, nextId, next.snapshot());
		}
		return new Done(done, next);
	}

	/** Gives the activity to a colleague, with a note; the colleague is told in the app. */
	@Transactional
	public ActivityRow handOver(long id, ExpectedVersion expected, Handover handover) {
		CurrentUser user = ActivityPolicy.requireStaff(currentUsers.get());
		ActivityRow before = changeable(user, id, expected);
		var checks = new Checks();
		Long assignee = handover.assigneeId();
		Long team = handover.teamId();
		if (assignee == null && team != null) {
			assignee = teams.flatMap(known -> known.taker(team)).orElse(null);
			if (assignee == null) {
				checks.reject("teamId", "error.activity.team-without-people", team);
			}
			else {
				checkAssignee(checks, "teamId", assignee);
			}
		}
		else if (assignee == null) {
			checks.reject("assigneeId", "error.value.required");
		}
		else if (assignee == before.assigneeId()) {
			checks.reject("assigneeId", "error.activity.same-assignee");
		}
		else {
			checkAssignee(checks, "assigneeId", assignee);
		}
		String handoverNote = checks.freeText("note", handover.note(), 2000);
		checks.throwIfInvalid();
		String note = handoverNote == null ? before.note()
				: (before.note() == null ? "" : before.note() + "\n") + user.displayName() + ": " + handoverNote;
		int changed = jdbc.sql("""
				update activity set assignee = :assignee, note = :note, version = version + 1 where id = :id and version = :version""")
			.param("assignee", assignee)
			.param("note", note)
			.param("id", id)
			.param("version", before.version())
			.update();
		ActivityRow after = saved(id, changed, before, expected);
		notifications.notify(assignee, "notice.activity.handed-over", "/activities/today", user.displayName(), after.summary());
		jobs.schedule(handoverMail.instance(id + "-" + after.version(), String.valueOf(id)), clock.instant());
		return after;
	}

	/** Cancels a planned activity; it leaves lists but stays in the history. */
	@Transactional
	public ActivityRow cancel(long id, ExpectedVersion expected) {
		CurrentUser user = ActivityPolicy.requireStaff(currentUsers.get());
		ActivityRow before = changeable(user, id, expected);
		int changed = jdbc.sql("update activity set status = 'CANCELLED', version = version + 1 where id = :id and version = :version")
			.param("id", id)
			.param("version", before.version())
			.update();
		return saved(id, changed, before, expected);
	}

	/** Work goes to active staff only: a customer's portal user takes no activities. */
	private void checkAssignee(Checks checks, String field, long assignee) {
		UserSummary person = users.find(assignee).orElse(null);
		if (person == null || !person.active()) {
			checks.reject(field, "error.activity.unknown-user", assignee);
		}
		else if (person.roles().stream().allMatch(role -> role == Role.PORTAL)) {
			checks.reject(field, "error.activity.not-staff");
		}
	}

	private ActivityRow changeable(CurrentUser user, long id, ExpectedVersion expected) {
		ActivityRow row = load(id);
		if (!policy.maySee(user, row)) {
			throw new RecordNotFoundException(RECORD_TYPE, id);
		}
		if (!policy.mayChange(user, row)) {
			throw ActivityPolicy.forbidden();
		}
		if (!row.planned()) {
			throw new DomainException(ErrorKind.CONFLICT, "error.activity.not-planned");
		}
		expected.verify(RECORD_TYPE, id, row.version());
		return row;
	}

	private ActivityRow saved(long id, int changed, ActivityRow before, ExpectedVersion expected) {
		ActivityRow after = load(id);
		if (changed == 0) {
			throw expected.conflict(RECORD_TYPE, id, after.version());
		}
		audit.updated(RECORD_TYPE, id, before.snapshot(), after.snapshot());
		return after;
	}

	private long insert(long type, String summary, @Nullable String note, String subjectType, long subjectId,
			long assignee, LocalDate due, @Nullable Long previous, long createdBy) {
		var params = new HashMap<String, Object>();
		params.put("type", type);
		params.put("summary", summary);
		params.put("note", note);
		params.put("subjectType", subjectType);
		params.put("subjectId", subjectId);
		params.put("assignee", assignee);
		params.put("due", due);
		params.put("previous", previous);
		params.put("createdBy", createdBy);
		return jdbc.sql("""
				insert into activity (type, summary, note, subject_type, subject_id, assignee, due_date, previous, created_by)
				values (:type, :summary, :note, :subjectType, :subjectId, :assignee, :due, :previous, :createdBy) returning id""")
			.params(params)
			.query(Long.class)
			.single();
	}

	ActivityRow load(long id) {
		return jdbc.sql(ActivityRow.select() + " where a.id = :id")
			.param("id", id)
			.query((rs, n) -> ActivityRow.of(rs))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
	}
}
