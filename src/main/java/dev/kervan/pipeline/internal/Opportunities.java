package dev.kervan.pipeline.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.kervan.customers.CustomerSummary;
import dev.kervan.customers.Customers;
import dev.kervan.identity.CurrentUser;
import dev.kervan.identity.Users;
import dev.kervan.pipeline.OpportunityStatus;
import dev.kervan.pipeline.Pipeline;
import dev.kervan.pipeline.internal.PipelineStages.Stage;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.Cursor;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.InvalidInputException;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.PatchDocument;
import dev.kervan.platform.PhoneNumbers;
import dev.kervan.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
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

	/** Space left between neighbouring cards, so that a card dropped between two rarely renumbers the stage. */
	private static final long RANK_GAP = 1024;
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
	private final AuditTrail audit;
	private final Clock clock;

	Opportunities(JdbcClient jdbc, PipelinePolicy policy, PipelineStages stages, SalesTeams teams, LostReasons lostReasons,
			Customers customers, Users users, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.stages = stages;
		this.teams = teams;
		this.lostReasons = lostReasons;
		this.customers = customers;
		this.users = users;
		this.audit = audit;
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
		jdbc.sql("select id, name from sales_team where active order by lower(name), id")
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

	@Transactional
	public OpportunityRow create(PatchDocument doc) {
		CurrentUser user = policy.requireSales();
		Long teamId = doc.id("teamId");
		Long stageId = doc.id("stageId");
		Stage stage = null;
		if (stageId != null) {
			stage = stages.find(stageId).orElse(null);
			if (stage == null) {
				doc.reject("stageId", "error.pipeline.unknown-stage", stageId);
			}
			else if (teamId != null && stage.teamId() != teamId) {
				doc.reject("stageId", "error.pipeline.other-team-stage");
			}
		}
		if (teamId != null && !teams.exists(teamId)) {
			doc.reject("teamId", "error.pipeline.unknown-team", teamId);
			teamId = null;
		}
		long team = teamId != null ? teamId : stage != null ? stage.teamId() : teams.defaultTeamOf(user.id());
		if (!policy.mayUseTeam(user, team)) {
			throw PipelinePolicy.forbidden();
		}
		var values = Values.empty(user.id());
		apply(doc, values, true);
		doc.throwIfInvalid();
		if (stage == null) {
			stage = stages.first(team);
		}
		if (!values.probabilityManual) {
			values.probability = stage.probability();
		}
		OpportunityStatus status = stage.won() ? OpportunityStatus.WON : OpportunityStatus.OPEN;
		if (status == OpportunityStatus.WON) {
			values.probability = 100;
		}
		stages.lock(stage.id());
		Instant now = clock.instant();
		var params = values.params();
		params.put("team", team);
		params.put("stage", stage.id());
		params.put("rank", endRank(stage.id(), 0));
		params.put("status", status.name());
		params.put("closedAt", status == OpportunityStatus.WON ? java.sql.Timestamp.from(now) : null);
		params.put("now", java.sql.Timestamp.from(now));
		params.put("createdBy", user.username());
		long id = jdbc.sql("""
				insert into opportunity (title, customer, prospect_name, email, phone, expected_revenue, currency, probability,
				  probability_manual, priority, tags, expected_close, salesperson, team, stage, rank, status, source, notes,
				  closed_at, created_at, updated_at, created_by)
				values (:title, :customer, :prospectName, :email, :phone, :revenue, :currency, :probability, :probabilityManual,
				  :priority, cast(:tags as text[]), :expectedClose, :salesperson, :team, :stage, :rank, :status, :source, :notes,
				  :closedAt, :now, :now, :createdBy)
				returning id""")
			.params(params)
			.query(Long.class)
			.single();
		OpportunityRow saved = load(id);
		audit.created(RECORD_TYPE, id, saved.snapshot());
		return saved;
	}

	/** An opportunity from the public web form (the lead step being off): first stage of the team, nobody's yet. */
	@Transactional
	void fromWebForm(long team, String title, String name, String email, @Nullable String phone, @Nullable String message) {
		Stage stage = stages.first(team);
		stages.lock(stage.id());
		long id = jdbc.sql("""
				insert into opportunity (title, prospect_name, email, phone, probability, team, stage, rank, source, notes, created_by)
				values (:title, :name, :email, :phone, :probability, :team, :stage, :rank, 'Web form', :notes, 'web-form')
				returning id""")
			.param("title", title)
			.param("name", name)
			.param("email", email)
			.param("phone", phone)
			.param("probability", stage.probability())
			.param("team", team)
			.param("stage", stage.id())
			.param("rank", endRank(stage.id(), 0))
			.param("notes", message)
			.query(Long.class)
			.single();
		audit.created(RECORD_TYPE, id, load(id).snapshot());
	}

	@Transactional
	public OpportunityRow update(long id, ExpectedVersion expected, PatchDocument doc) {
		CurrentUser user = policy.requireSales();
		OpportunityRow before = editable(user, id, expected);
		doc.ignoring("id", "version", "status", "createdAt", "updatedAt", "createdBy", "closedAt");
		if (doc.has("stageId") || doc.has("teamId")) {
			doc.reject(doc.has("stageId") ? "stageId" : "teamId", "error.pipeline.move-instead");
		}
		var values = Values.of(before);
		apply(doc, values, false);
		doc.throwIfInvalid();
		if (doc.has("probability") && !values.probabilityManual) {
			values.probability = stages.get(before.stage()).probability();
		}
		if (!AuditTrail.changes(Values.of(before).params(), values.params())) {
			return before;
		}
		var params = values.params();
		params.put("id", id);
		params.put("version", before.version());
		params.put("now", java.sql.Timestamp.from(clock.instant()));
		int changed = jdbc.sql("""
				update opportunity set title = :title, customer = :customer, prospect_name = :prospectName, email = :email,
				  phone = :phone, expected_revenue = :revenue, currency = :currency, probability = :probability,
				  probability_manual = :probabilityManual, priority = :priority, tags = cast(:tags as text[]),
				  expected_close = :expectedClose, salesperson = :salesperson, source = :source, notes = :notes,
				  updated_at = :now, version = version + 1
				where id = :id and version = :version""")
			.params(params)
			.update();
		return saved(id, changed, before, expected);
	}

	/**
	 * Moves a card to a stage of its team's pipeline, before another card of that stage or at its end. Moving
	 * into a won stage wins the opportunity; moving a won one out of it opens it again.
	 */
	@Transactional
	public OpportunityRow move(long id, ExpectedVersion expected, PatchDocument doc) {
		CurrentUser user = policy.requireSales();
		OpportunityRow before = editable(user, id, expected);
		doc.ignoring("version");
		Long stageId = doc.id("stageId");
		Long beforeId = doc.id("beforeId");
		Stage target = null;
		if (stageId == null) {
			doc.reject("stageId", "error.value.required");
		}
		else {
			target = stages.find(stageId).orElse(null);
			if (target == null) {
				doc.reject("stageId", "error.pipeline.unknown-stage", stageId);
			}
			else if (target.teamId() != before.team()) {
				doc.reject("stageId", "error.pipeline.other-team-stage");
			}
		}
		doc.throwIfInvalid();
		if (before.status() == OpportunityStatus.LOST) {
			throw new DomainException(ErrorKind.CONFLICT, "error.pipeline.closed", before.status().name());
		}
		stages.lock(target.id());
		long rank = rankBefore(target.id(), id, beforeId);
		OpportunityStatus status = target.won() ? OpportunityStatus.WON : OpportunityStatus.OPEN;
		int probability = status == OpportunityStatus.WON ? 100
				: before.probabilityManual() && before.status() == OpportunityStatus.OPEN ? before.probability() : target.probability();
		Instant closedAt = status == OpportunityStatus.WON
				? (before.status() == OpportunityStatus.WON ? before.closedAt() : clock.instant()) : null;
		int changed = jdbc.sql("""
				update opportunity set stage = :stage, rank = :rank, status = :status, probability = :probability,
				  probability_manual = :manual, closed_at = :closedAt, updated_at = :now, version = version + 1
				where id = :id and version = :version""")
			.param("stage", target.id())
			.param("rank", rank)
			.param("status", status.name())
			.param("probability", probability)
			.param("manual", status == OpportunityStatus.OPEN && before.probabilityManual())
			.param("closedAt", closedAt == null ? null : java.sql.Timestamp.from(closedAt))
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("id", id)
			.param("version", before.version())
			.update();
		return saved(id, changed, before, expected);
	}

	@Transactional
	public OpportunityRow won(long id, ExpectedVersion expected) {
		CurrentUser user = policy.requireSales();
		OpportunityRow before = editable(user, id, expected);
		if (before.status() != OpportunityStatus.OPEN) {
			throw new DomainException(ErrorKind.CONFLICT, "error.pipeline.closed", before.status().name());
		}
		Stage won = stages.wonStage(before.team());
		stages.lock(won.id());
		int changed = jdbc.sql("""
				update opportunity set stage = :stage, rank = :rank, status = 'WON', probability = 100, probability_manual = false,
				  closed_at = :now, updated_at = :now, version = version + 1
				where id = :id and version = :version""")
			.param("stage", won.id())
			.param("rank", endRank(won.id(), id))
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("id", id)
			.param("version", before.version())
			.update();
		return saved(id, changed, before, expected);
	}

	@Transactional
	public OpportunityRow lost(long id, ExpectedVersion expected, PatchDocument doc) {
		CurrentUser user = policy.requireSales();
		OpportunityRow before = editable(user, id, expected);
		doc.ignoring("version");
		Long reason = doc.id("lostReasonId");
		if (reason == null) {
			doc.reject("lostReasonId", "error.pipeline.lost-reason-required");
		}
		else if (!lostReasons.isActive(reason)) {
			doc.reject("lostReasonId", "error.pipeline.unknown-lost-reason", reason);
		}
		String note = doc.freeText("note", 4000);
		doc.throwIfInvalid();
		if (before.status() != OpportunityStatus.OPEN) {
			throw new DomainException(ErrorKind.CONFLICT, "error.pipeline.closed", before.status().name());
		}
		int changed = jdbc.sql("""
				update opportunity set status = 'LOST', lost_reason = :reason, lost_note = :note, probability = 0,
				  closed_at = :now, updated_at = :now, version = version + 1
				where id = :id and version = :version""")
			.param("reason", reason)
			.param("note", note)
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("id", id)
			.param("version", before.version())
			.update();
		return saved(id, changed, before, expected);
	}

	/** Opens a won or lost opportunity again: a lost one where it was, a won one in the last stage before winning. */
	@Transactional
	public OpportunityRow reopen(long id, ExpectedVersion expected) {
		CurrentUser user = policy.requireSales();
		OpportunityRow before = editable(user, id, expected);
		if (before.status() == OpportunityStatus.OPEN) {
			throw new DomainException(ErrorKind.CONFLICT, "error.pipeline.not-closed");
		}
		Stage stage = stages.get(before.stage());
		if (stage.won()) {
			stage = stages.lastOpen(before.team());
		}
		stages.lock(stage.id());
		long rank = endRank(stage.id(), id);
		int changed = jdbc.sql("""
				update opportunity set status = 'OPEN', stage = :stage, rank = :rank, lost_reason = null, lost_note = null,
				  probability = case when probability_manual and status = 'LOST' then probability else :probability end,
				  closed_at = null, updated_at = :now, version = version + 1
				where id = :id and version = :version""")
			.param("stage", stage.id())
			.param("rank", rank)
			.param("probability", stage.probability())
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("id", id)
			.param("version", before.version())
			.update();
		return saved(id, changed, before, expected);
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
	private OpportunityRow editable(CurrentUser user, long id, ExpectedVersion expected) {
		OpportunityRow row = load(id);
		if (!policy.maySee(user, row)) {
			throw new RecordNotFoundException(RECORD_TYPE, id);
		}
		if (!policy.mayEdit(user, row)) {
			throw PipelinePolicy.forbidden();
		}
		expected.verify(RECORD_TYPE, id, row.version());
		return row;
	}

	/** The opportunity after a change; when another change came first, nothing was written and the caller is told. */
	private OpportunityRow saved(long id, int changed, OpportunityRow before, ExpectedVersion expected) {
		OpportunityRow after = load(id);
		if (changed == 0) {
			throw expected.conflict(RECORD_TYPE, id, after.version());
		}
		audit.updated(RECORD_TYPE, id, before.snapshot(), after.snapshot());
		return after;
	}

	/** A rank after every card of the stage but the one being moved. */
	private long endRank(long stage, long moving) {
		return jdbc.sql("select coalesce(max(rank), 0) + :gap from opportunity where stage = :stage and status <> 'LOST' and id <> :moving")
			.param("gap", RANK_GAP)
			.param("stage", stage)
			.param("moving", moving)
			.query(Long.class)
			.single();
	}

	/** The rank that puts a card right before another card of the stage (or at its end); renumbers when no room is left. */
	private long rankBefore(long stage, long moving, @Nullable Long beforeId) {
		if (beforeId == null) {
			return endRank(stage, moving);
		}
		var before = jdbc.sql("select rank from opportunity where id = :id and stage = :stage and status <> 'LOST' and id <> :moving")
			.param("id", beforeId)
			.param("stage", stage)
			.param("moving", moving)
			.query(Long.class)
			.optional();
		if (before.isEmpty()) {
			throw InvalidInputException.of("beforeId", "error.pipeline.before-elsewhere");
		}
		for (int attempt = 0; attempt < 2; attempt++) {
			long next = jdbc.sql("select rank from opportunity where id = :id").param("id", beforeId).query(Long.class).single();
			Long previous = jdbc.sql("""
					select max(rank) from opportunity
					where stage = :stage and status <> 'LOST' and id <> :moving and (rank, id) < (:rank, :id)""")
				.param("stage", stage)
				.param("moving", moving)
				.param("rank", next)
				.param("id", beforeId)
				.query(Long.class)
				.optional()
				.orElse(null);
			if (previous == null) {
				return next - RANK_GAP;
			}
			if (next - previous >= 2) {
				return previous + (next - previous) / 2;
			}
			renumber(stage);
		}
		throw new IllegalStateException("No room between cards after renumbering stage " + stage);
	}

	/** Spreads a stage's cards out again, keeping their order. */
	private void renumber(long stage) {
		jdbc.sql("""
				update opportunity o set rank = ordered.position * :gap
				from (select id, row_number() over (order by rank, id) as position from opportunity
				      where stage = :stage and status <> 'LOST') ordered
				where o.id = ordered.id""")
			.param("gap", RANK_GAP)
			.param("stage", stage)
			.update();
	}

	/** The fields a user sets on an opportunity, read and checked from a request. */
	private static final class Values {

		@Nullable String title;
		@Nullable Long customer;
		@Nullable String prospectName;
		@Nullable String email;
		@Nullable String phone;
		BigDecimal revenue = BigDecimal.ZERO;
		String currency = "TRY";
		int probability;
		boolean probabilityManual;
		int priority;
		List<String> tags = List.of();
		@Nullable LocalDate expectedClose;
		@Nullable Long salesperson;
		@Nullable String source;
		@Nullable String notes;

		static Values empty(long salesperson) {
			var values = new Values();
			values.salesperson = salesperson;
			return values;
		}

		static Values of(OpportunityRow row) {
			var values = new Values();
			values.title = row.title();
			values.customer = row.customer();
			values.prospectName = row.prospectName();
			values.email = row.email();
			values.phone = row.phone();
			values.revenue = row.expectedRevenue();
			values.currency = row.currency();
			values.probability = row.probability();
			values.probabilityManual = row.probabilityManual();
			values.priority = row.priority();
			values.tags = row.tags();
			values.expectedClose = row.expectedClose();
			values.salesperson = row.salesperson();
			values.source = row.source();
			values.notes = row.notes();
			return values;
		}

		Map<String, Object> params() {
			var params = new HashMap<String, Object>();
			params.put("title", title);
			params.put("customer", customer);
			params.put("prospectName", prospectName);
			params.put("email", email);
			params.put("phone", phone);
			params.put("revenue", revenue);
			params.put("currency", currency);
			params.put("probability", probability);
			params.put("probabilityManual", probabilityManual);
			params.put("priority", priority);
			params.put("tags", tags.toArray(String[]::new));
			params.put("expectedClose", expectedClose);
			params.put("salesperson", salesperson);
			params.put("source", source);
			params.put("notes", notes);
			return params;
		}
	}

	private void apply(PatchDocument doc, Values values, boolean creating) {
		if (creating || doc.has("title")) {
			values.title = doc.text("title", 200);
			if (values.title == null) {
				doc.reject("title", "error.value.required");
			}
		}
		String country = "TR";
		if (doc.has("customerId")) {
			values.customer = doc.id("customerId");
			if (values.customer != null) {
				CustomerSummary customer = customers.find(values.customer).filter(c -> !c.archived()).orElse(null);
				if (customer == null) {
					doc.reject("customerId", "error.pipeline.unknown-customer", values.customer);
				}
				else {
					country = customer.country();
					if (!doc.has("currency") && creating) {
						values.currency = customer.currency();
					}
				}
			}
		}
		if (doc.has("prospectName")) {
			values.prospectName = doc.text("prospectName", 200);
		}
		if (doc.has("email")) {
			values.email = doc.email("email");
		}
		if (doc.has("phone")) {
			String typed = doc.code("phone", 40);
			values.phone = typed == null ? null : PhoneNumbers.toE164(typed, country).orElseGet(() -> {
				doc.reject("phone", "error.phone.invalid");
				return null;
			});
		}
		if (doc.has("expectedRevenue")) {
			BigDecimal revenue = doc.amount("expectedRevenue");
			values.revenue = revenue == null ? BigDecimal.ZERO : revenue;
		}
		if (doc.has("currency")) {
			String currency = doc.currency("currency");
			if (currency != null) {
				values.currency = currency;
			}
		}
		if (doc.has("probability")) {
			Integer probability = doc.integer("probability");
			if (probability == null) {
				values.probabilityManual = false;
			}
			else if (probability < 0 || probability > 100) {
				doc.reject("probability", "error.value.range", 0, 100);
			}
			else {
				values.probability = probability;
				values.probabilityManual = true;
			}
		}
		if (doc.has("priority")) {
			Integer priority = doc.integer("priority");
			if (priority != null && (priority < 0 || priority > 3)) {
				doc.reject("priority", "error.value.range", 0, 3);
			}
			else {
				values.priority = priority == null ? 0 : priority;
			}
		}
		if (doc.has("tags")) {
			List<String> tags = doc.texts("tags");
			if (tags.size() > MAX_TAGS) {
				doc.reject("tags", "error.pipeline.too-many-tags", MAX_TAGS);
			}
			if (tags.stream().anyMatch(tag -> tag.length() > 40)) {
				doc.reject("tags", "error.value.too-long", 40);
			}
			values.tags = tags;
		}
		if (doc.has("expectedCloseDate")) {
			values.expectedClose = doc.date("expectedCloseDate");
		}
		if (doc.has("salespersonId")) {
			values.salesperson = doc.id("salespersonId");
			if (values.salesperson != null && users.find(values.salesperson).isEmpty()) {
				doc.reject("salespersonId", "error.pipeline.unknown-user", values.salesperson);
			}
		}
		if (doc.has("source")) {
			values.source = doc.text("source", 120);
		}
		if (doc.has("notes")) {
			values.notes = doc.freeText("notes", 4000);
		}
	}
}
