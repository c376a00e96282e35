package dev.kervan.activities.api;

import java.time.LocalDate;

import dev.kervan.activities.internal.Activities;
import dev.kervan.activities.internal.ActivityChange;
import dev.kervan.activities.internal.ActivityRow;
import dev.kervan.activities.internal.ActivityTypeChange;
import dev.kervan.activities.internal.ActivityTypes;
import dev.kervan.activities.internal.ActivityTypes.ActivityType;
import dev.kervan.activities.internal.Completion;
import dev.kervan.activities.internal.Handover;
import dev.kervan.activities.internal.NewActivity;
import dev.kervan.activities.internal.NewActivityType;
import dev.kervan.platform.Created;
import dev.kervan.platform.AuditEntry;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.InvalidInputException;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Activities")
class ActivityController {

	/** What doing an activity answers: the follow-up it planned, or null. */
	record DoneAnswer(ActivityRow done, @Nullable ActivityRow next) implements Versioned {

		/** The done activity's: its ETag is what a further change of it sends back. */
		@Override
		public long version() {
			return done.version();
		}
	}

	private final Activities activities;
	private final ActivityTypes types;
	private final AuditTrail audit;

	ActivityController(Activities activities, ActivityTypes types, AuditTrail audit) {
		this.activities = activities;
		this.types = types;
		this.audit = audit;
	}

	@GetMapping("/api/v1/activity-types")
	@Operation(summary = "Activity types")
	KeysetPage<ActivityType> types() {
		return new KeysetPage<>(types.list(), null);
	}

	@PostMapping("/api/v1/activity-types")
	@Operation(summary = "Add an activity type (administrators)",
			description = "name and category (EMAIL, CALL, MEETING, TODO, OTHER) are required; delayDays and nextTypeId plan the follow-up.")
	ResponseEntity<ActivityType> createType(@RequestBody NewActivityType command) {
		ActivityType type = types.create(command);
		return Created.at("/api/v1/activity-types/", type.id(), type);
	}

	@GetMapping("/api/v1/activity-types/{id}")
	@Operation(summary = "An activity type")
	ActivityType type(@PathVariable long id) {
		return types.read(id);
	}

	@PatchMapping("/api/v1/activity-types/{id}")
	@Operation(summary = "Change an activity type (administrators)", description = "Send the version you read in If-Match or as version.")
	ActivityType updateType(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody ActivityTypeChange change) {
		return types.update(id, ExpectedVersion.requiredVersion(ifMatch, change.version()), change);
	}

	@GetMapping("/api/v1/activities")
	@Operation(summary = "Activities of a record (subjectType and subjectId), or the user's between two days (from, to)")
	KeysetPage<ActivityRow> list(@RequestParam(required = false) @Nullable String subjectType,
			@RequestParam(required = false) @Nullable Long subjectId, @RequestParam(required = false) @Nullable Long assigneeId,
			@RequestParam(required = false) @Nullable LocalDate from, @RequestParam(required = false) @Nullable LocalDate to) {
		if (subjectType != null && subjectId != null) {
			return new KeysetPage<>(activities.ofSubject(subjectType, subjectId), null);
		}
		if (from == null || to == null) {
			throw InvalidInputException.of("subjectId", "error.activity.list-needs");
		}
		if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
			throw InvalidInputException.of("to", "error.activity.period");
		}
		return new KeysetPage<>(activities.between(assigneeId, from, to), null);
	}

	@GetMapping("/api/v1/activities/today")
	@Operation(summary = "My day: the user's overdue activities and those due today")
	Activities.Day today() {
		return activities.myDay();
	}

	@PostMapping("/api/v1/activities")
	@Operation(summary = "Plan an activity on a record",
			description = "typeId, subjectType (CUSTOMER, OPPORTUNITY, LEAD) and subjectId are required; summary and dueDate "
					+ "default from the type, the assignee to the user.")
	ResponseEntity<ActivityRow> plan(@RequestBody NewActivity command) {
		ActivityRow row = activities.plan(command);
		return Created.at("/api/v1/activities/", row.id(), row);
	}

	@GetMapping("/api/v1/activities/{id}")
	@Operation(summary = "An activity")
	ActivityRow get(@PathVariable long id) {
		return activities.get(id);
	}

	@PatchMapping("/api/v1/activities/{id}")
	@Operation(summary = "Reschedule (dueDate) or change the summary, note or type")
	ActivityRow update(@PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody ActivityChange change) {
		return activities.update(id, ExpectedVersion.requiredVersion(ifMatch, change.version()), change);
	}

	@PostMapping("/api/v1/activities/{id}/done")
	@Operation(summary = "Mark done with feedback", description = "Answers the follow-up the type planned as next, or null.")
	DoneAnswer done(@PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody(required = false) @Nullable Completion body) {
		Completion completion = body == null ? Completion.WITHOUT_FEEDBACK : body;
		Activities.Done done = activities.done(id, ExpectedVersion.optionalVersion(ifMatch, completion.version()), completion);
		return new DoneAnswer(done.done(), done.next());
	}

	@PostMapping("/api/v1/activities/{id}/handover")
	@Operation(summary = "Hand the activity to a colleague (assigneeId) with a note; they are told in the app")
	ActivityRow handOver(@PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody Handover handover) {
		return activities.handOver(id, ExpectedVersion.optionalVersion(ifMatch, handover.version()), handover);
	}

	@DeleteMapping("/api/v1/activities/{id}")
	@Operation(summary = "Cancel a planned activity")
	ResponseEntity<Void> cancel(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		activities.cancel(id, ExpectedVersion.optionalVersion(ifMatch, null));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/activities/{id}/history")
	@Operation(summary = "Who changed what on the activity, newest first")
	KeysetPage<AuditEntry> history(@PathVariable long id) {
		activities.get(id);
		return new KeysetPage<>(audit.history("activity", id), null);
	}
}
