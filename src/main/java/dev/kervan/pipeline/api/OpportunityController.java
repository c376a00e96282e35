package dev.kervan.pipeline.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.kervan.customers.Customers;
import dev.kervan.identity.Users;
import dev.kervan.pipeline.OpportunityAction;
import dev.kervan.pipeline.OpportunityStatus;
import dev.kervan.pipeline.internal.LoseOpportunity;
import dev.kervan.pipeline.internal.MoveCard;
import dev.kervan.pipeline.internal.NewOpportunity;
import dev.kervan.pipeline.internal.Opportunities;
import dev.kervan.pipeline.internal.OpportunityChange;
import dev.kervan.pipeline.internal.OpportunityRow;
import dev.kervan.platform.Created;
import dev.kervan.platform.AuditEntry;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.Decimals;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.VersionBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/opportunities")
@Tag(name = "Pipeline")
class OpportunityController {

	private final Opportunities opportunities;
	private final Customers customers;
	private final Users users;
	private final AuditTrail audit;

	OpportunityController(Opportunities opportunities, Customers customers, Users users, AuditTrail audit) {
		this.opportunities = opportunities;
		this.customers = customers;
		this.users = users;
		this.audit = audit;
	}

	@GetMapping
	@Operation(summary = "Opportunities the user may see, newest first or in board order (sort=board), paged by cursor")
	KeysetPage<OpportunityView> list(@RequestParam(required = false) @Nullable Long teamId,
			@RequestParam(required = false) @Nullable Long stageId,
			@RequestParam(required = false) @Nullable OpportunityStatus status,
			@RequestParam(required = false) @Nullable Long salespersonId,
			@RequestParam(required = false) @Nullable Long customerId, @RequestParam(required = false) @Nullable String tag,
			@RequestParam(required = false) @Nullable Integer priority, @RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(required = false) @Nullable Integer limit) {
		var page = opportunities.list(new Opportunities.Filter(teamId, stageId, status, salespersonId, customerId, tag, priority),
				Opportunities.Sort.of(sort), cursor, PageLimit.of(limit));
		return new KeysetPage<>(views(page.items()), page.nextCursor());
	}

	@PostMapping
	@Operation(summary = "Enter an opportunity",
			description = "title is required; the team defaults to the user's, the stage to the team's first, the "
					+ "probability to the stage's.")
	ResponseEntity<OpportunityView> create(@RequestBody NewOpportunity command) {
		OpportunityRow row = opportunities.create(command);
		return Created.at("/api/v1/opportunities/", row.id(), view(row));
	}

	@GetMapping("/{id}")
	@Operation(summary = "An opportunity")
	OpportunityView get(@PathVariable long id) {
		return view(opportunities.get(id));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change an opportunity's fields", description = "The stage changes with move, won, lost and reopen.")
	OpportunityView update(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody OpportunityChange change) {
		return view(opportunities.update(id, ExpectedVersion.requiredVersion(ifMatch, change.version()), change));
	}

	@PostMapping("/{id}/move")
	@Operation(summary = "Move the card to a stage of its pipeline, before another card (beforeId) or at the end",
			description = "Moving into a won stage wins the opportunity. Send the version you saw: if someone moved "
					+ "it since, 409 answers the current version and nothing changes.")
	OpportunityView move(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch, @RequestBody MoveCard command) {
		return view(opportunities.move(id, ExpectedVersion.optionalVersion(ifMatch, command.version()), command));
	}

	@PostMapping("/{id}/won")
	@Operation(summary = "Mark won")
	OpportunityView won(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody(required = false) @Nullable VersionBody body) {
		return view(opportunities.won(id, ExpectedVersion.optionalVersion(ifMatch, VersionBody.versionOf(body))));
	}

	@PostMapping("/{id}/lost")
	@Operation(summary = "Mark lost", description = "lostReasonId is required; note is optional.")
	OpportunityView lost(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody LoseOpportunity command) {
		return view(opportunities.lost(id, ExpectedVersion.optionalVersion(ifMatch, command.version()), command));
	}

	@PostMapping("/{id}/reopen")
	@Operation(summary = "Reopen a won or lost opportunity")
	OpportunityView reopen(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody(required = false) @Nullable VersionBody body) {
		return view(opportunities.reopen(id, ExpectedVersion.optionalVersion(ifMatch, VersionBody.versionOf(body))));
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "Who changed what on the opportunity, newest first")
	KeysetPage<AuditEntry> history(@PathVariable long id) {
		opportunities.get(id);
		List<AuditEntry> entries = audit.history("opportunity", id);
		return new KeysetPage<>(entries, null);
	}


	private OpportunityView view(OpportunityRow row) {
		return views(List.of(row)).getFirst();
	}

	private List<OpportunityView> views(List<OpportunityRow> rows) {
		Map<Long, String> people = users.names(rows.stream().map(OpportunityRow::salesperson).filter(Objects::nonNull).toList());
		Map<Long, String> accounts = customers.names(rows.stream().map(OpportunityRow::customer).filter(Objects::nonNull)
			.distinct().toList());
		Map<Long, Set<OpportunityAction>> actions = opportunities.availableActions(rows);
		return rows.stream()
			.map(r -> new OpportunityView(r.id(), r.title(), r.customer(), r.customer() == null ? null : accounts.get(r.customer()),
					r.prospectName(), r.email(),
					r.phone(), Decimals.plain(r.expectedRevenue(), 2), r.currency(), r.probability(), r.priority(), r.tags(),
					r.expectedClose(), r.salesperson(), r.salesperson() == null ? null : people.get(r.salesperson()), r.team(), r.stage(), r.status(), r.source(),
					r.lostReason(), r.lostNote(), r.closedAt(), r.notes(), r.createdAt(), r.updatedAt(), r.createdBy(),
					r.version(), actions.get(r.id())))
			.toList();
	}
}
