package dev.kervan.pipeline.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kervan.customers.CustomerSummary;
import dev.kervan.customers.Customers;
import dev.kervan.identity.CurrentUser;
import dev.kervan.identity.Users;
import dev.kervan.pipeline.OpportunityAction;
import dev.kervan.pipeline.OpportunityStatus;
import dev.kervan.pipeline.Pipeline;
import dev.kervan.pipeline.internal.PipelineStages.Stage;
import dev.kervan.platform.DocumentChanges;
import dev.kervan.platform.Cursor;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.InvalidInputException;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.Checks;
import dev.kervan.platform.RecordNotFoundException;
import dev.kervan.platform.TranslatedNames;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opportunities: entered, changed, moved between the stages of their team's pipeline and ordered within a
 * stage, won, lost with a reason, and reopened. Every change is checked against the version the user saw and
 * audited; a change on a stale version is refused with the current one, so two people moving one card never
 * overwrite each other unseen.
 */
@Service
public class Opportunities implements Pipeline {

	static final String RECORD_TYPE = "opportunity";

	private static final int MAX_TAGS = 20;

	/** What to list. */
	public record Filter(@Nullable Long teamId, @Nullable Long stageId, @Nullable OpportunityStatus status,
			@Nullable Long salespersonId, @Nullable Long customerId, @Nullable String tag, @Nullable Integer priority) {
	}

	private final JdbcClient jdbc;
	private final PipelinePolicy policy;
	private final PipelineStages stages;
	private final SalesTeams teams;
	private final LostReasons lostReasons;
	private final Customers customers;
	private final Users users;
	private final DocumentChanges changes;
	private final Clock clock;
	private final OpportunityRecords records;
	private final CardRanks ranks;

	Opportunities(JdbcClient jdbc, PipelinePolicy policy, PipelineStages stages, SalesTeams teams, LostReasons lostReasons,
			Customers customers, Users users, DocumentChanges changes, Clock clock, OpportunityRecords records, CardRanks ranks) {
		this.records = records;
		this.ranks = ranks;
		this.jdbc = jdbc;
		this.policy = policy;
		this.stages = stages;
		this.teams = teams;
		this.lostReasons = lostReasons;
		this.customers = customers;
		this.users = users;
		this.changes = changes;
		this.clock = clock;
	}

	@Override
	public java.util.Optional<String> visibleOpportunityTitle(long id) {
		return java.util.Optional.ofNullable(visibleOpportunityTitles(List.of(id)).get(id));
	}

	@Override
	public Map<Long, String> visibleOpportunityTitles(java.util.Collection<Long> ids) {
		CurrentUser user;
		try {
			user = policy.requireSales();
		}
		catch (DomainException notInSales) {
			return Map.of();
		}
		return titlesSeen("opportunity", ids, user, policy.seesAll(user));
	}

	@Override
	public Map<Long, String> activeTeams() {
		var teams = new java.util.LinkedHashMap<Long, String>();
		jdbc.sql("select id, %1$s as name from sales_team t where active order by lower(%1$s), id"
				.formatted(TranslatedNames.shown("t")))
			.query(rs -> {
				teams.put(rs.getLong("id"), rs.getString("name"));
			});
		return teams;
	}

	@Override
	public Map<Long, String> visibleLeadTitles(java.util.Collection<Long> ids) {
		CurrentUser user;
		try {
			user = policy.requireLeads();
		}
		catch (DomainException notInSales) {
			return Map.of();
		}
		return titlesSeen("lead", ids, user, policy.seesAllLeads(user));
	}

	/**
	 * The titles of the opportunities or leads (the table) the user sees among some ids: all of them, those of
	 * the user's teams, and those assigned to the user.
	 */
	private Map<Long, String> titlesSeen(String table, java.util.Collection<Long> ids, CurrentUser user, boolean all) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		var teamsSeen = all ? java.util.Set.<Long>of() : policy.visibleTeams(user);
		var titles = new HashMap<Long, String>();
		jdbc.sql(table.equals("lead") ? "select id, title, team, salesperson from lead where id = any(cast(:ids as bigint[]))"
				: "select id, title, team, salesperson from opportunity where id = any(cast(:ids as bigint[]))")
			.param("ids", ids.toArray(Long[]::new))
			.query(rs -> {
				if (all || teamsSeen.contains(rs.getLong("team")) || rs.getLong("salesperson") == user.id()) {
					titles.put(rs.getLong("id"), rs.getString("title"));
				}
			});
		return titles;
	}

	public OpportunityRow get(long id) {
		CurrentUser user = policy.requireSales();
		OpportunityRow row = load(id);
		if (!policy.maySee(user, row)) {
			throw new RecordNotFoundException(RECORD_TYPE, id);
		}
		return row;
	}

	/** Newest first, or in board order: by stage, then the cards' order within it. */
	public enum Sort {
		NEWEST, BOARD;

		public static Sort of(@Nullable String name) {
			if (name == null || name.isBlank()) {
				return NEWEST;
			}
			try {
				return valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw InvalidInputException.of("sort", "error.sort.unknown", name);
			}
		}
	}

	public KeysetPage<OpportunityRow> list(Filter filter, Sort sort, @Nullable String cursor, PageLimit limit) {
		CurrentUser user = policy.requireSales();
		var where = new ArrayList<String>();
		var params = new HashMap<String, Object>();
		if (!policy.seesAll(user)) {
			where.add("(team = any(cast(:visibleTeams as bigint[])) or salesperson = :me)");
			params.put("visibleTeams", policy.visibleTeams(user).toArray(Long[]::new));
			params.put("me", user.id());
		}
		if (filter.teamId() != null) {
			where.add("team = :team");
			params.put("team", filter.teamId());
		}
		if (filter.stageId() != null) {
			where.add("stage = :stage");
			params.put("stage", filter.stageId());
		}
		if (filter.status() != null) {
			where.add("status = :status");
			params.put("status", filter.status().name());
		}
		else if (sort == Sort.BOARD) {
			where.add("status <> 'LOST'"); // lost cards leave the board
		}
		if (filter.salespersonId() != null) {
			where.add("salesperson = :salesperson");
			params.put("salesperson", filter.salespersonId());
		}
		if (filter.customerId() != null) {
			where.add("customer = :customer");
			params.put("customer", filter.customerId());
		}
		if (filter.tag() != null && !filter.tag().isBlank()) {
			where.add("tags @> array[cast(:tag as text)]");
			params.put("tag", filter.tag().strip());
		}
		if (filter.priority() != null) {
			where.add("priority = :priority");
			params.put("priority", filter.priority());
		}
		Cursor after = Cursor.decode(cursor, 3);
		if (after != null && sort == Sort.NEWEST) {
			where.add("id < :afterId");
			params.put("afterId", after.number(2));
		}
		else if (after != null) {
			where.add("(stage_sequence, rank, id) > (:afterSequence, :afterRank, :afterId)");
			params.put("afterSequence", after.number(0));
			params.put("afterRank", after.number(1));
			params.put("afterId", after.number(2));
		}
		params.put("limit", limit.probe());
		List<OpportunityRow> rows = jdbc.sql("select * from (select o.*, s.sequence * 1000000000000 + s.id as stage_sequence"
				+ " from opportunity o join pipeline_stage s on s.id = o.stage) o"
				+ (where.isEmpty() ? "" : " where " + String.join(" and ", where))
				+ (sort == Sort.NEWEST ? " order by id desc" : " order by stage_sequence, rank, id") + " limit :limit")
			.params(params)
			.query((rs, n) -> OpportunityRow.of(rs))
			.list();
		return KeysetPage.of(rows, limit, row -> Cursor.encode(sort == Sort.NEWEST ? 0 : stageKey(row.stage()),
				sort == Sort.NEWEST ? 0 : row.rank(), row.id()));
	}

	/** Enters an opportunity; see {@link NewOpportunity} for the defaults. */
	@Transactional
	public OpportunityRow create(NewOpportunity command) {
		return create(command, null);
	}

	/** Enters an opportunity, converted from a lead when one is given. */
	@Transactional
	OpportunityRow create(NewOpportunity command, @Nullable Long lead) {
		CurrentUser user = policy.requireSales();
		var checks = new Checks();
		Long teamId = command.teamId();
		Stage stage = null;
		if (command.stageId() != null) {
			stage = stages.find(command.stageId()).orElse(null);
			if (stage == null) {
				checks.reject("stageId", "error.pipeline.unknown-stage", command.stageId());
			}
			else if (teamId != null && stage.teamId() != teamId) {
				checks.reject("stageId", "error.pipeline.other-team-stage");
			}
		}
		if (teamId != null && !teams.exists(teamId)) {
			checks.reject("teamId", "error.pipeline.unknown-team", teamId);
			teamId = null;
		}
		long team = teamId != null ? teamId : stage != null ? stage.teamId() : teams.defaultTeamOf(user.id());
		if (!policy.mayUseTeam(user, team)) {
			throw PipelinePolicy.forbidden();
		}
		Opportunity.Fields fields = fields(checks, command);
		checks.throwIfInvalid();
		if (stage == null) {
			stage = stages.first(team);
		}
		stages.lock(stage.id());
		var opportunity = Opportunity.enter(fields, stage, ranks.atEnd(stage.id(), 0), user.username(), clock.instant());
		opportunity.lead = lead;
		return load(changes.created(records, RECORD_TYPE, opportunity));
	}

	/** An opportunity from the public web form (the lead step being off): first stage of the team, nobody's yet. */
	@Transactional
	void fromWebForm(long team, String title, String name, String email, @Nullable String phone, @Nullable String message) {
		Stage stage = stages.first(team);
		stages.lock(stage.id());
		var fields = new Opportunity.Fields(title, null, name, email, phone, BigDecimal.ZERO, "TRY", stage.probability(),
				false, 0, List.of(), null, null, "Web form", message);
		changes.created(records, RECORD_TYPE, Opportunity.enter(fields, stage, ranks.atEnd(stage.id(), 0), "web-form", clock.instant()));
	}

	/** Changes the fields sent; see {@link OpportunityChange}. */
	@Transactional
	public OpportunityRow update(long id, ExpectedVersion expected, OpportunityChange change) {
		CurrentUser user = policy.requireSales();
		Opportunity opportunity = editable(user, id, expected);
		var checks = new Checks();
		if (change.stageId().isGiven() || change.teamId().isGiven()) {
			checks.reject(change.stageId().isGiven() ? "stageId" : "teamId", "error.pipeline.move-instead");
		}
		Opportunity.Fields changed = changedFields(checks, opportunity, change);
		checks.throwIfInvalid();
		Map<String, Object> before = opportunity.snapshot();
		if (!opportunity.change(changed, clock.instant())) {
			return load(id);
		}
		return saved(opportunity, before, expected);
	}

	/**
	 * Moves a card to a stage of its team's pipeline, before another card of that stage or at its end. Moving
	 * into a won stage wins the opportunity; moving a won one out of it opens it again.
	 */
	@Transactional
	public OpportunityRow move(long id, ExpectedVersion expected, MoveCard command) {
		CurrentUser user = policy.requireSales();
		Opportunity opportunity = editable(user, id, expected);
		var checks = new Checks();
		Stage target = null;
		if (checks.required("stageId", command.stageId()) != null) {
			target = stages.find(command.stageId()).orElse(null);
			if (target == null) {
				checks.reject("stageId", "error.pipeline.unknown-stage", command.stageId());
			}
			else if (target.teamId() != opportunity.team()) {
				checks.reject("stageId", "error.pipeline.other-team-stage");
			}
		}
		checks.throwIfInvalid();
		OpportunityAction.MOVE.requireAllowedIn(opportunity.status());
		stages.lock(target.id());
		Map<String, Object> before = opportunity.snapshot();
		opportunity.moveTo(target, ranks.before(target.id(), id, command.beforeId()), clock.instant());
		return saved(opportunity, before, expected);
	}

	@Transactional
	public OpportunityRow won(long id, ExpectedVersion expected) {
		CurrentUser user = policy.requireSales();
		Opportunity opportunity = editable(user, id, expected);
		OpportunityAction.WIN.requireAllowedIn(opportunity.status());
		Stage won = stages.wonStage(opportunity.team());
		stages.lock(won.id());
		Map<String, Object> before = opportunity.snapshot();
		opportunity.win(won, ranks.atEnd(won.id(), id), clock.instant());
		return saved(opportunity, before, expected);
	}

	@Transactional
	public OpportunityRow lost(long id, ExpectedVersion expected, LoseOpportunity command) {
		CurrentUser user = policy.requireSales();
		Opportunity opportunity = editable(user, id, expected);
		var checks = new Checks();
		Long reason = command.lostReasonId();
		if (reason == null) {
			checks.reject("lostReasonId", "error.pipeline.lost-reason-required");
		}
		else if (!lostReasons.isActive(reason)) {
			checks.reject("lostReasonId", "error.pipeline.unknown-lost-reason", reason);
		}
		String note = checks.freeText("note", command.note(), 4000);
		checks.throwIfInvalid();
		Map<String, Object> before = opportunity.snapshot();
		opportunity.lose(reason, note, clock.instant());
		return saved(opportunity, before, expected);
	}

	/** Opens a won or lost opportunity again: a lost one where it was, a won one in the last stage before winning. */
	@Transactional
	public OpportunityRow reopen(long id, ExpectedVersion expected) {
		CurrentUser user = policy.requireSales();
		Opportunity opportunity = editable(user, id, expected);
		OpportunityAction.REOPEN.requireAllowedIn(opportunity.status());
		Stage stage = stages.get(opportunity.stage());
		if (stage.won()) {
			stage = stages.lastOpen(opportunity.team());
		}
		stages.lock(stage.id());
		Map<String, Object> before = opportunity.snapshot();
		opportunity.reopen(stage, ranks.atEnd(stage.id(), id), clock.instant());
		return saved(opportunity, before, expected);
	}

	/** What may be done to an opportunity now by the user asking: nothing when they may not change it. */
	public Set<OpportunityAction> availableActions(OpportunityRow row) {
		return availableActions(List.of(row)).get(row.id());
	}

	/** What may be done to each of the opportunities now by the user asking, by id. */
	public Map<Long, Set<OpportunityAction>> availableActions(List<OpportunityRow> rows) {
		var mayEdit = policy.editableBy(policy.requireSales());
		var actions = new HashMap<Long, Set<OpportunityAction>>();
		for (OpportunityRow row : rows) {
			actions.put(row.id(), mayEdit.test(row.team(), row.salesperson()) ? OpportunityAction.availableIn(row.status()) : Set.of());
		}
		return actions;
	}

	private long stageKey(long stage) {
		return jdbc.sql("select sequence * 1000000000000 + id from pipeline_stage where id = :id").param("id", stage)
			.query(Long.class).single();
	}

	OpportunityRow load(long id) {
		return jdbc.sql("select " + OpportunityRow.COLUMNS + " from opportunity where id = :id")
			.param("id", id)
			.query((rs, n) -> OpportunityRow.of(rs))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
	}

	/** The opportunity, when the user may change it and based the change on its current version. */
	private Opportunity editable(CurrentUser user, long id, ExpectedVersion expected) {
		Opportunity opportunity = records.findById(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
		if (!policy.maySee(user, opportunity.team, opportunity.salesperson)) {
			throw new RecordNotFoundException(RECORD_TYPE, id);
		}
		if (!policy.mayEdit(user, opportunity.team, opportunity.salesperson)) {
			throw PipelinePolicy.forbidden();
		}
		expected.verify(RECORD_TYPE, id, opportunity.version());
		return opportunity;
	}

	/**
	 * Saves a change, with its audit line and its events; when another change came first, nothing is written and
	 * the caller is told the current version.
	 */
	private OpportunityRow saved(Opportunity opportunity, Map<String, Object> before, ExpectedVersion expected) {
		changes.changed(records, RECORD_TYPE, opportunity, before, expected);
		return load(opportunity.id());
	}

	/** The fields of a new opportunity, checked. */
	private Opportunity.Fields fields(Checks checks, NewOpportunity command) {
		String title = checks.required("title", checks.name("title", command.title(), 200));
		Long customer = command.customerId();
		String country = "TR";
		String currency = "TRY";
		if (customer != null) {
			CustomerSummary account = activeCustomer(checks, customer);
			if (account != null) {
				country = account.country();
				currency = account.currency();
			}
		}
		if (command.currency() != null) {
			String chosen = checks.currency("currency", command.currency());
			currency = chosen == null ? currency : chosen;
		}
		Integer probability = checks.range("probability", command.probability(), 0, 100);
		Integer priority = checks.range("priority", command.priority(), 0, 3);
		BigDecimal revenue = checks.amount("expectedRevenue", command.expectedRevenue());
		Long salesperson = command.salespersonId() == null ? policy.requireSales().id() : knownUser(checks, command.salespersonId());
		return new Opportunity.Fields(title == null ? "" : title, customer, checks.name("prospectName", command.prospectName(), 200),
				checks.email("email", command.email()), checks.phone("phone", command.phone(), country),
				revenue == null ? BigDecimal.ZERO : revenue, currency, probability == null ? 0 : probability, probability != null,
				priority == null ? 0 : priority, checks.tags("tags", command.tags(), MAX_TAGS, 40),
				checks.date("expectedCloseDate", command.expectedCloseDate()), salesperson,
				checks.name("source", command.source(), 120), checks.freeText("notes", command.notes(), 4000));
	}

	/** The fields after a change: those sent, checked, over the current ones. */
	private Opportunity.Fields changedFields(Checks checks, Opportunity opportunity, OpportunityChange change) {
		Opportunity.Fields current = opportunity.fields();
		Long customer = change.customerId().applyTo(current.customer());
		String country = "TR";
		if (change.customerId().isGiven() && customer != null) {
			CustomerSummary account = activeCustomer(checks, customer);
			country = account == null ? country : account.country();
		}
		String title = current.title();
		if (change.title().isGiven()) {
			title = checks.required("title", checks.name("title", change.title(), 200).value());
		}
		int probability = current.probability();
		boolean manual = current.probabilityManual();
		if (change.probability().isGiven()) {
			Integer set = checks.range("probability", change.probability(), 0, 100).value();
			manual = set != null;
			probability = set != null ? set : stages.get(opportunity.stage()).probability();
		}
		String currency = checks.currency("currency", change.currency()).value();
		BigDecimal revenue = checks.amount("expectedRevenue", change.expectedRevenue()).applyTo(current.expectedRevenue());
		Integer priority = checks.range("priority", change.priority(), 0, 3).applyTo(current.priority());
		List<String> tags = checks.tags("tags", change.tags(), MAX_TAGS, 40).applyTo(current.tags());
		Long salesperson = change.salespersonId().isGiven() && change.salespersonId().value() != null
				? knownUser(checks, change.salespersonId().value()) : change.salespersonId().applyTo(current.salesperson());
		return new Opportunity.Fields(title == null ? current.title() : title, customer,
				checks.name("prospectName", change.prospectName(), 200).applyTo(current.prospectName()),
				checks.email("email", change.email()).applyTo(current.email()),
				change.phone().isGiven() ? checks.phone("phone", change.phone().value(), country) : current.phone(),
				revenue == null ? BigDecimal.ZERO : revenue, currency == null ? current.currency() : currency, probability,
				manual, priority == null ? 0 : priority, tags == null ? List.of() : tags,
				checks.date("expectedCloseDate", change.expectedCloseDate()).applyTo(current.expectedClose()), salesperson,
				checks.name("source", change.source(), 120).applyTo(current.source()),
				checks.freeText("notes", change.notes(), 4000).applyTo(current.notes()));
	}

	private @Nullable CustomerSummary activeCustomer(Checks checks, long id) {
		CustomerSummary customer = customers.find(id).filter(c -> !c.archived()).orElse(null);
		if (customer == null) {
			checks.reject("customerId", "error.pipeline.unknown-customer", id);
		}
		return customer;
	}

	private long knownUser(Checks checks, long id) {
		if (users.find(id).isEmpty()) {
			checks.reject("salespersonId", "error.pipeline.unknown-user", id);
		}
		return id;
	}
}
