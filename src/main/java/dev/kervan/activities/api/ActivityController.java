package dev.kervan.activities.api;

import java.net.URI;
import java.time.LocalDate;

import dev.kervan.activities.internal.Activities;
import dev.kervan.activities.internal.ActivityRow;
import dev.kervan.activities.internal.ActivityTypes;
import dev.kervan.activities.internal.ActivityTypes.ActivityType;
import dev.kervan.platform.AuditEntry;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.InvalidInputException;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.PatchDocument;
import dev.kervan.platform.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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
import tools.jackson.databind.JsonNode;

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
	ResponseEntity<ActivityType> createType(
			@RequestBody @Schema(implementation = ActivityRequests.NewActivityType.class) JsonNode body) {
		ActivityType type = types.create(PatchDocument.of(body));
		return ResponseEntity.created(URI.create("/api/v1/activity-types/" + type.id())).body(type);
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
			@RequestBody @Schema(implementation = ActivityRequests.ActivityTypeChange.class) JsonNode body) {
		return types.update(id, ExpectedVersion.required(ifMatch, body), PatchDocument.of(body));
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
	ResponseEntity<ActivityRow> plan(
			@RequestBody @Schema(implementation = ActivityRequests.NewActivity.class) JsonNode body) {
		ActivityRow row = activities.plan(PatchDocument.of(body));
		return ResponseEntity.created(URI.create("/api/v1/activities/" + row.id())).body(row);
	}

	@GetMapping("/api/v1/activities/{id}")
	@Operation(summary = "An activity")
	ActivityRow get(@PathVariable long id) {
		return activities.get(id);
	}

	@PatchMapping("/api/v1/activities/{id}")
	@Operation(summary = "Reschedule (dueDate) or change the summary, note or type")
	ActivityRow update(@PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody @Schema(implementation = ActivityRequests.ActivityChange.class) JsonNode body) {
		return activities.update(id, ExpectedVersion.required(ifMatch, body), PatchDocument.of(body));
	}

	@PostMapping("/api/v1/activities/{id}/done")
	@Operation(summary = "Mark done with feedback", description = "Answers the follow-up the type planned as next, or null.")
	DoneAnswer done(@PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody(required = false) @Schema(implementation = ActivityRequests.Completion.class) @Nullable JsonNode body) {
		JsonNode document = body == null ? tools.jackson.databind.node.JsonNodeFactory.instance.objectNode() : body;
		Activities.Done done = activities.done(id, ExpectedVersion.optional(ifMatch, document), PatchDocument.of(document));
		return new DoneAnswer(done.done(), done.next());
	}

	@PostMapping("/api/v1/activities/{id}/handover")
	@Operation(summary = "Hand the activity to a colleague (assigneeId) with a note; they are told in the app")
	ActivityRow handOver(@PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody @Schema(implementation = ActivityRequests.Handover.class) JsonNode body) {
		return activities.handOver(id, ExpectedVersion.optional(ifMatch, body), PatchDocument.of(body));
	}

	@DeleteMapping("/api/v1/activities/{id}")
	@Operation(summary = "Cancel a planned activity")
	ResponseEntity<Void> cancel(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		activities.cancel(id, ExpectedVersion.optional(ifMatch, null));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/activities/{id}/history")
	@Operation(summary = "Who changed what on the activity, newest first")
	KeysetPage<AuditEntry> history(@PathVariable long id) {
		activities.get(id);
		return new KeysetPage<>(audit.history("activity", id), null);
	}
}
