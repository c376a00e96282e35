package dev.kervan.pipeline.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kervan.customers.CustomerKind;
import dev.kervan.customers.CustomerSummary;
import dev.kervan.customers.Customers;
import dev.kervan.customers.NewAccount;
import dev.kervan.identity.CurrentUser;
import dev.kervan.identity.Users;
import dev.kervan.pipeline.LeadAction;
import dev.kervan.pipeline.LeadStatus;
import dev.kervan.platform.DocumentChanges;
import dev.kervan.platform.Checks;
import dev.kervan.platform.Cursor;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads: entered by hand, through the API or from campaigns, qualified, then converted into an opportunity
 * (linked to an existing account or a new one, checked for duplicates like any account) or disqualified
 * with a reason.
 */
@Service
public class Leads {

	static final String RECORD_TYPE = "lead";

	private static final int MAX_TAGS = 20;

	/** What converting a lead made. */
	public record Conversion(long opportunityId, long customerId) {
	}

	private final JdbcClient jdbc;
	private final PipelinePolicy policy;
	private final SalesTeams teams;
	private final Opportunities opportunities;
	private final Customers customers;
	private final Users users;
	private final DocumentChanges changes;
	private final PipelineSettings settings;
	private final LeadRecords records;
	private final Clock clock;

	Leads(JdbcClient jdbc, PipelinePolicy policy, SalesTeams teams, Opportunities opportunities, Customers customers,
			Users users, DocumentChanges changes, PipelineSettings settings, LeadRecords records, Clock clock) {
		this.settings = settings;
		this.records = records;
		this.clock = clock;
		this.jdbc = jdbc;
		this.policy = policy;
		this.teams = teams;
		this.opportunities = opportunities;
		this.customers = customers;
		this.users = users;
		this.changes = changes;
	}

	public LeadRow get(long id) {
		CurrentUser user = policy.requireLeads();
		LeadRow lead = load(id);
		if (!sees(user, lead)) {
			throw new RecordNotFoundException(RECORD_TYPE, id);
		}
		return lead;
	}

	public KeysetPage<LeadRow> list(@Nullable LeadStatus status, @Nullable Long teamId, @Nullable String cursor, PageLimit limit) {
		CurrentUser user = policy.requireLeads();
		var where = new ArrayList<String>();
		var params = new HashMap<String, Object>();
		if (!policy.seesAllLeads(user)) {
			where.add("(team = any(cast(:visibleTeams as bigint[])) or salesperson = :me)");
			params.put("visibleTeams", policy.visibleTeams(user).toArray(Long[]::new));
			params.put("me", user.id());
		}
		if (status != null) {
			where.add("status = :status");
			params.put("status", status.name());
		}
		if (teamId != null) {
			where.add("team = :team");
			params.put("team", teamId);
		}
		Cursor after = Cursor.decode(cursor, 1);
		if (after != null) {
			where.add("id < :after");
			params.put("after", after.number(0));
		}
		params.put("limit", limit.probe());
		List<LeadRow> rows = jdbc.sql("select " + LeadRow.COLUMNS + " from lead"
				+ (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + " order by id desc limit :limit")
			.params(params)
			.query((rs, n) -> LeadRow.of(rs))
			.list();
		return KeysetPage.of(rows, limit, row -> Cursor.encode(row.id()));
	}

	@Transactional
	public LeadRow create(NewLead command) {
		CurrentUser user = policy.requireLeads();
		if (!settings.leadsEnabled()) {
			throw new DomainException(ErrorKind.CONFLICT, "error.lead.step-off");
		}
		var checks = new Checks();
		Long teamId = command.teamId();
		if (teamId != null && !teams.exists(teamId)) {
			checks.reject("teamId", "error.pipeline.unknown-team", teamId);
		}
		Lead.Fields fields = fields(checks, command, user);
		checks.throwIfInvalid();
		long team = teamId != null ? teamId : teams.defaultTeamOf(user.id());
		if (!policy.seesAllLeads(user) && !policy.mayUseTeam(user, team)) {
			throw PipelinePolicy.forbidden();
		}
		return load(changes.created(records, RECORD_TYPE, Lead.enter(fields, team, user.username(), clock.instant())));
	}

	/**
	 * A lead from the public web form, entered by nobody: in the first active team, for no salesperson yet.
	 * With the lead step off it becomes an opportunity at once. The form is {@link WebFormLead#checked() checked}
	 * already.
	 */
	@Transactional
	public void fromWebForm(WebFormLead checked) {
		long team = jdbc.sql("select id from sales_team where active order by id limit 1").query(Long.class).single();
		String title = (checked.company() != null ? checked.company() : checked.name()) + " – web";
		if (!settings.leadsEnabled()) {
			opportunities.fromWebForm(team, title, checked.name(), checked.email(), checked.phone(), checked.message());
			return;
		}
		var fields = new Lead.Fields(title, checked.name(), checked.company(), checked.email(), checked.phone(), "TR",
				"Web form", null, BigDecimal.ZERO, "TRY", 0, List.of(), null, checked.message());
		changes.created(records, RECORD_TYPE, Lead.enter(fields, team, "web-form", clock.instant()));
	}

	/** Changes the fields sent; see {@link LeadChange}. */
	@Transactional
	public LeadRow update(long id, ExpectedVersion expected, LeadChange change) {
		CurrentUser user = policy.requireLeads();
		Lead lead = editable(user, id, expected);
		LeadAction.CHANGE.requireAllowedIn(lead.status());
		var checks = new Checks();
		Lead.Fields changed = changedFields(checks, lead.fields(), change);
		checks.throwIfInvalid();
		Map<String, Object> before = lead.snapshot();
		if (!lead.change(changed, clock.instant())) {
			return load(id);
		}
		return saved(lead, before, expected);
	}

	@Transactional
	public LeadRow qualify(long id, ExpectedVersion expected) {
		Lead lead = editable(policy.requireLeads(), id, expected);
		Map<String, Object> before = lead.snapshot();
		lead.qualify(clock.instant());
		return saved(lead, before, expected);
	}

	@Transactional
	public LeadRow disqualify(long id, ExpectedVersion expected, DisqualifyLead command) {
		Lead lead = editable(policy.requireLeads(), id, expected);
		LeadAction.DISQUALIFY.requireAllowedIn(lead.status());
		var checks = new Checks();
		String reason = checks.freeText("reason", command.reason(), 2000);
		if (reason == null && !checks.hasViolations()) {
			checks.reject("reason", "error.lead.reason-required");
		}
		checks.throwIfInvalid();
		Map<String, Object> before = lead.snapshot();
		lead.disqualify(reason, clock.instant());
		return saved(lead, before, expected);
	}

	/** Reopens a disqualified lead. */
	@Transactional
	public LeadRow reopen(long id, ExpectedVersion expected) {
		Lead lead = editable(policy.requireLeads(), id, expected);
		Map<String, Object> before = lead.snapshot();
		lead.reopen(clock.instant());
		return saved(lead, before, expected);
	}

	/**
	 * Turns the lead into an opportunity of its team, for an existing account or a new one made from the lead's
	 * company (or contact) name, email and phone.
	 */
	@Transactional
	public Conversion convert(long id, ExpectedVersion expected, ConvertLead command) {
		CurrentUser user = policy.requireSales();
		Lead lead = editable(user, id, expected);
		lead.requireConvertible();
		var checks = new Checks();
		Long customerId = command.customerId();
		String taxNumber = checks.code("taxNumber", command.taxNumber(), 20);
		if (customerId != null && customers.find(customerId).filter(c -> !c.archived()).isEmpty()) {
			checks.reject("customerId", "error.pipeline.unknown-customer", customerId);
		}
		checks.throwIfInvalid();
		Lead.Fields fields = lead.fields();
		if (customerId == null) {
			boolean company = fields.companyName() != null;
			String name = company ? fields.companyName() : fields.contactName() != null ? fields.contactName() : fields.title();
			CustomerSummary opened = customers.open(new NewAccount(company ? CustomerKind.COMPANY : CustomerKind.PERSON, name,
					fields.country(), fields.email(), fields.phone(), taxNumber, fields.salesperson()));
			customerId = opened.id();
		}
		var opportunity = new NewOpportunity(fields.title(), customerId, fields.contactName(), fields.email(), null,
				fields.expectedRevenue(), fields.currency(), null, fields.priority(), List.copyOf(fields.tags()), null,
				fields.salesperson(), fields.source() != null ? fields.source() : fields.campaign(), fields.notes(), lead.team, null);
		OpportunityRow created = opportunities.create(opportunity, id);
		Map<String, Object> before = lead.snapshot();
		lead.convert(created.id(), customerId, clock.instant());
		saved(lead, before, expected);
		return new Conversion(created.id(), customerId);
	}

	/** What may be done to a lead now by the user asking: nothing when they may not change it. */
	public Set<LeadAction> availableActions(LeadRow row) {
		return availableActions(List.of(row)).get(row.id());
	}

	/** What may be done to each of the leads now by the user asking, by id. */
	public Map<Long, Set<LeadAction>> availableActions(List<LeadRow> rows) {
		CurrentUser user = policy.requireLeads();
		var actions = new HashMap<Long, Set<LeadAction>>();
		for (LeadRow row : rows) {
			actions.put(row.id(), mayEdit(user, row.teamId(), row.salespersonId(), row.createdBy())
					? LeadAction.availableIn(row.status()) : Set.of());
		}
		return actions;
	}

	private boolean sees(CurrentUser user, LeadRow lead) {
		return policy.seesAllLeads(user) || policy.maySee(user, lead.teamId(), lead.salespersonId());
	}

	private boolean mayEdit(CurrentUser user, long team, @Nullable Long salesperson, String createdBy) {
		return policy.mayEdit(user, team, salesperson)
				|| (user.has(dev.kervan.identity.Role.MARKETING) && user.username().equals(createdBy));
	}

	/** The lead, when the user may change it and based the change on its current version. */
	private Lead editable(CurrentUser user, long id, ExpectedVersion expected) {
		Lead lead = records.findById(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
		if (!policy.seesAllLeads(user) && !policy.maySee(user, lead.team, lead.salesperson)) {
			throw new RecordNotFoundException(RECORD_TYPE, id);
		}
		if (!mayEdit(user, lead.team, lead.salesperson, lead.createdBy)) {
			throw PipelinePolicy.forbidden();
		}
		expected.verify(RECORD_TYPE, id, lead.version());
		return lead;
	}

	private LeadRow saved(Lead lead, Map<String, Object> before, ExpectedVersion expected) {
		changes.changed(records, RECORD_TYPE, lead, before, expected);
		return load(lead.id());
	}

	LeadRow load(long id) {
		return jdbc.sql("select " + LeadRow.COLUMNS + " from lead where id = :id")
			.param("id", id)
			.query((rs, n) -> LeadRow.of(rs))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
	}

	/** The fields of a new lead, checked. */
	private Lead.Fields fields(Checks checks, NewLead command, CurrentUser user) {
		String title = checks.required("title", checks.name("title", command.title(), 200));
		String country = command.country() == null ? "TR" : country(checks, command.country());
		BigDecimal revenue = checks.amount("expectedRevenue", command.expectedRevenue());
		String currency = checks.currency("currency", command.currency());
		Integer priority = checks.range("priority", command.priority(), 0, 3);
		Long salesperson = null;
		if (command.salespersonId() != null) {
			salesperson = knownUser(checks, command.salespersonId());
		}
		else if (user.has(dev.kervan.identity.Role.SALESPERSON)) {
			salesperson = user.id();
		}
		return new Lead.Fields(title == null ? "" : title, checks.name("contactName", command.contactName(), 200),
				checks.name("companyName", command.companyName(), 200), checks.email("email", command.email()),
				checks.phone("phone", command.phone(), country == null ? "TR" : country), country == null ? "TR" : country,
				checks.name("source", command.source(), 120), checks.name("campaign", command.campaign(), 120),
				revenue == null ? BigDecimal.ZERO : revenue, currency == null ? "TRY" : currency,
				priority == null ? 0 : priority, checks.tags("tags", command.tags(), MAX_TAGS, 40), salesperson,
				checks.freeText("notes", command.notes(), 4000));
	}

	/** The fields after a change: those sent, checked, over the current ones. */
	private Lead.Fields changedFields(Checks checks, Lead.Fields current, LeadChange change) {
		String title = current.title();
		if (change.title().isGiven()) {
			String given = checks.required("title", checks.name("title", change.title(), 200).value());
			title = given == null ? title : given;
		}
		String country = current.country();
		if (change.country().isGiven()) {
			String given = country(checks, change.country().value());
			country = given == null ? country : given;
		}
		BigDecimal revenue = checks.amount("expectedRevenue", change.expectedRevenue()).applyTo(current.expectedRevenue());
		String currency = checks.currency("currency", change.currency()).value();
		Integer priority = checks.range("priority", change.priority(), 0, 3).applyTo(current.priority());
		List<String> tags = checks.tags("tags", change.tags(), MAX_TAGS, 40).applyTo(current.tags());
		Long salesperson = change.salespersonId().isGiven() && change.salespersonId().value() != null
				? knownUser(checks, change.salespersonId().value()) : change.salespersonId().applyTo(current.salesperson());
		return new Lead.Fields(title, checks.name("contactName", change.contactName(), 200).applyTo(current.contactName()),
				checks.name("companyName", change.companyName(), 200).applyTo(current.companyName()),
				checks.email("email", change.email()).applyTo(current.email()),
				change.phone().isGiven() ? checks.phone("phone", change.phone().value(), country) : current.phone(), country,
				checks.name("source", change.source(), 120).applyTo(current.source()),
				checks.name("campaign", change.campaign(), 120).applyTo(current.campaign()),
				revenue == null ? BigDecimal.ZERO : revenue, currency == null ? current.currency() : currency,
				priority == null ? 0 : priority, tags == null ? List.of() : tags, salesperson,
				checks.freeText("notes", change.notes(), 4000).applyTo(current.notes()));
	}

	/** A country as two letters, upper case; anything else is refused. */
	private static @Nullable String country(Checks checks, @Nullable String typed) {
		String country = checks.code("country", typed, 2);
		if (country == null || !country.matches("[A-Za-z]{2}")) {
			checks.reject("country", "error.value.invalid", String.valueOf(country));
			return null;
		}
		return country.toUpperCase(java.util.Locale.ROOT);
	}

	private long knownUser(Checks checks, long id) {
		if (users.find(id).isEmpty()) {
			checks.reject("salespersonId", "error.pipeline.unknown-user", id);
		}
		return id;
	}
}
