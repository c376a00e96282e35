package dev.kervan.pipeline.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.kervan.customers.CustomerKind;
import dev.kervan.customers.CustomerSummary;
import dev.kervan.customers.Customers;
import dev.kervan.customers.NewAccount;
import dev.kervan.identity.CurrentUser;
import dev.kervan.identity.Users;
import dev.kervan.pipeline.LeadStatus;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.Cursor;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.PatchDocument;
import dev.kervan.platform.PhoneNumbers;
import dev.kervan.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Leads: entered by hand, through the API or from campaigns, qualified, then converted into an opportunity
 * (linked to an existing account or a new one, checked for duplicates like any account) or disqualified
 * with a reason.
 */
@Service
public class Leads {

	static final String RECORD_TYPE = "lead";

	/** What converting a lead made. */
	public record Conversion(long opportunityId, long customerId) {
	}

	private final JdbcClient jdbc;
	private final PipelinePolicy policy;
	private final SalesTeams teams;
	private final Opportunities opportunities;
	private final Customers customers;
	private final Users users;
	private final AuditTrail audit;
	private final PipelineSettings settings;

	Leads(JdbcClient jdbc, PipelinePolicy policy, SalesTeams teams, Opportunities opportunities, Customers customers,
			Users users, AuditTrail audit, PipelineSettings settings) {
		this.settings = settings;
		this.jdbc = jdbc;
		this.policy = policy;
		this.teams = teams;
		this.opportunities = opportunities;
		this.customers = customers;
		this.users = users;
		this.audit = audit;
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
	public LeadRow create(PatchDocument doc) {
		CurrentUser user = policy.requireLeads();
		if (!settings.leadsEnabled()) {
			throw new DomainException(ErrorKind.CONFLICT, "error.lead.step-off");
		}
		Long teamId = doc.id("teamId");
		if (teamId != null && !teams.exists(teamId)) {
			doc.reject("teamId", "error.pipeline.unknown-team", teamId);
		}
		var values = new HashMap<String, Object>();
		apply(doc, values, true, user);
		doc.throwIfInvalid();
		long team = teamId != null ? teamId : teams.defaultTeamOf(user.id());
		if (!policy.seesAllLeads(user) && !policy.mayUseTeam(user, team)) {
			throw PipelinePolicy.forbidden();
		}
		values.put("team", team);
		values.put("createdBy", user.username());
		long id = jdbc.sql("""
				insert into lead (title, contact_name, company_name, email, phone, country, source, campaign, expected_revenue,
				  currency, priority, tags, salesperson, team, notes, created_by)
				values (:title, :contactName, :companyName, :email, :phone, :country, :source, :campaign, :revenue, :currency,
				  :priority, cast(:tags as text[]), :salesperson, :team, :notes, :createdBy)
				returning id""")
			.params(values)
			.query(Long.class)
			.single();
		LeadRow saved = load(id);
		audit.created(RECORD_TYPE, id, saved.snapshot());
		return saved;
	}

	/**
	 * A lead from the public web form, entered by nobody: in the first active team, for no salesperson yet.
	 * With the lead step off it becomes an opportunity at once.
	 */
	@Transactional
	public void fromWebForm(String name, @Nullable String company, String email, @Nullable String phone, @Nullable String message) {
		long team = jdbc.sql("select id from sales_team where active order by id limit 1").query(Long.class).single();
		String title = (company != null ? company : name) + " – web";
		if (!settings.leadsEnabled()) {
			opportunities.fromWebForm(team, title, name, email, phone, message);
			return;
		}
		long id = jdbc.sql("""
				insert into lead (title, contact_name, company_name, email, phone, source, notes, team, created_by)
				values (:title, :name, :company, :email, :phone, 'Web form', :notes, :team, 'web-form') returning id""")
			.param("title", title)
			.param("name", name)
			.param("company", company)
			.param("email", email)
			.param("phone", phone)
			.param("notes", message)
			.param("team", team)
			.query(Long.class)
			.single();
		audit.created(RECORD_TYPE, id, load(id).snapshot());
	}

	@Transactional
	public LeadRow update(long id, ExpectedVersion expected, PatchDocument doc) {
		CurrentUser user = policy.requireLeads();
		LeadRow before = editable(user, id, expected);
		doc.ignoring("id", "version", "status", "opportunityId", "customerId", "createdAt", "createdBy", "teamId");
		var values = current(before);
		apply(doc, values, false, user);
		doc.throwIfInvalid();
		if (!AuditTrail.changes(current(before), values)) {
			return before;
		}
		values.put("id", id);
		values.put("version", before.version());
		int changed = jdbc.sql("""
				update lead set title = :title, contact_name = :contactName, company_name = :companyName, email = :email,
				  phone = :phone, country = :country, source = :source, campaign = :campaign, expected_revenue = :revenue,
				  currency = :currency, priority = :priority, tags = cast(:tags as text[]), salesperson = :salesperson,
				  notes = :notes, updated_at = now(), version = version + 1
				where id = :id and version = :version""")
			.params(values)
			.update();
		return saved(id, changed, before, expected);
	}

	@Transactional
	public LeadRow qualify(long id, ExpectedVersion expected) {
		CurrentUser user = policy.requireLeads();
		LeadRow before = editable(user, id, expected);
		return setStatus(before, LeadStatus.QUALIFIED, null, expected);
	}

	@Transactional
	public LeadRow disqualify(long id, ExpectedVersion expected, PatchDocument doc) {
		CurrentUser user = policy.requireLeads();
		LeadRow before = editable(user, id, expected);
		doc.ignoring("version");
		String reason = doc.freeText("reason", 2000);
		if (reason == null) {
			doc.reject("reason", "error.lead.reason-required");
		}
		doc.throwIfInvalid();
		return setStatus(before, LeadStatus.DISQUALIFIED, reason, expected);
	}

	/** Reopens a disqualified lead. */
	@Transactional
	public LeadRow reopen(long id, ExpectedVersion expected) {
		CurrentUser user = policy.requireLeads();
		LeadRow before = load(id);
		if (!sees(user, before)) {
			throw new RecordNotFoundException(RECORD_TYPE, id);
		}
		if (!mayEdit(user, before)) {
			throw PipelinePolicy.forbidden();
		}
		expected.verify(RECORD_TYPE, id, before.version());
		if (before.status() != LeadStatus.DISQUALIFIED) {
			throw new DomainException(ErrorKind.CONFLICT, "error.lead.not-disqualified");
		}
		return setStatus(before, LeadStatus.NEW, null, expected);
	}

	/**
	 * Turns the lead into an opportunity of its team, for an existing account or a new one made from the lead's
	 * company (or contact) name, email and phone.
	 */
	@Transactional
	public Conversion convert(long id, ExpectedVersion expected, PatchDocument doc) {
		CurrentUser user = policy.requireSales();
		LeadRow lead = editable(user, id, expected);
		doc.ignoring("version");
		Long customerId = doc.id("customerId");
		String taxNumber = doc.code("taxNumber", 20);
		if (customerId != null && customers.find(customerId).filter(c -> !c.archived()).isEmpty()) {
			doc.reject("customerId", "error.pipeline.unknown-customer", customerId);
		}
		doc.throwIfInvalid();
		if (customerId == null) {
			boolean company = lead.companyName() != null;
			String name = company ? lead.companyName() : lead.contactName() != null ? lead.contactName() : lead.title();
			CustomerSummary opened = customers.open(new NewAccount(company ? CustomerKind.COMPANY : CustomerKind.PERSON, name,
					lead.country(), lead.email(), lead.phone(), taxNumber, lead.salespersonId()));
			customerId = opened.id();
		}
		var opportunity = new NewOpportunity(lead.title(), customerId, lead.contactName(), lead.email(), null,
				lead.expectedRevenue(), lead.currency(), null, lead.priority(), List.copyOf(lead.tags()), null,
				lead.salespersonId(), lead.source() != null ? lead.source() : lead.campaign(), lead.notes(), lead.teamId(), null);
		OpportunityRow created = opportunities.create(opportunity, id);
		int changed = jdbc.sql("""
				update lead set status = 'CONVERTED', opportunity = :opportunity, customer = :customer, updated_at = now(),
				  version = version + 1 where id = :id and version = :version""")
			.param("opportunity", created.id())
			.param("customer", customerId)
			.param("id", id)
			.param("version", lead.version())
			.update();
		saved(id, changed, lead, expected);
		return new Conversion(created.id(), customerId);
	}

	private LeadRow setStatus(LeadRow before, LeadStatus status, @Nullable String reason, ExpectedVersion expected) {
		int changed = jdbc.sql("""
				update lead set status = :status, disqualify_reason = :reason, updated_at = now(), version = version + 1
				where id = :id and version = :version""")
			.param("status", status.name())
			.param("reason", reason)
			.param("id", before.id())
			.param("version", before.version())
			.update();
		return saved(before.id(), changed, before, expected);
	}

	private boolean sees(CurrentUser user, LeadRow lead) {
		return policy.seesAllLeads(user) || policy.maySee(user, lead.teamId(), lead.salespersonId());
	}

	private boolean mayEdit(CurrentUser user, LeadRow lead) {
		return policy.mayEdit(user, lead.teamId(), lead.salespersonId())
				|| (user.has(dev.kervan.identity.Role.MARKETING) && user.username().equals(lead.createdBy()));
	}

	/** The lead, when the user may change it, it is still open and the change is based on its current version. */
	private LeadRow editable(CurrentUser user, long id, ExpectedVersion expected) {
		LeadRow lead = load(id);
		if (!sees(user, lead)) {
			throw new RecordNotFoundException(RECORD_TYPE, id);
		}
		if (!mayEdit(user, lead)) {
			throw PipelinePolicy.forbidden();
		}
		expected.verify(RECORD_TYPE, id, lead.version());
		if (lead.status() == LeadStatus.CONVERTED || lead.status() == LeadStatus.DISQUALIFIED) {
			throw new DomainException(ErrorKind.CONFLICT, "error.lead.closed", lead.status().name());
		}
		return lead;
	}

	private LeadRow saved(long id, int changed, LeadRow before, ExpectedVersion expected) {
		LeadRow after = load(id);
		if (changed == 0) {
			throw expected.conflict(RECORD_TYPE, id, after.version());
		}
		audit.updated(RECORD_TYPE, id, before.snapshot(), after.snapshot());
		return after;
	}

	LeadRow load(long id) {
		return jdbc.sql("select " + LeadRow.COLUMNS + " from lead where id = :id")
			.param("id", id)
			.query((rs, n) -> LeadRow.of(rs))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
	}

	private static void putIfPresent(ObjectNode node, String field, @Nullable String value) {
		if (value != null) {
			node.put(field, value);
		}
	}

	private static Map<String, Object> current(LeadRow lead) {
		var values = new HashMap<String, Object>();
		values.put("title", lead.title());
		values.put("contactName", lead.contactName());
		values.put("companyName", lead.companyName());
		values.put("email", lead.email());
		values.put("phone", lead.phone());
		values.put("country", lead.country());
		values.put("source", lead.source());
		values.put("campaign", lead.campaign());
		values.put("revenue", lead.expectedRevenue());
		values.put("currency", lead.currency());
		values.put("priority", lead.priority());
		values.put("tags", lead.tags().toArray(String[]::new));
		values.put("salesperson", lead.salespersonId());
		values.put("notes", lead.notes());
		return values;
	}

	private void apply(PatchDocument doc, Map<String, Object> values, boolean creating, CurrentUser user) {
		if (creating) {
			values.putAll(Map.of("revenue", BigDecimal.ZERO, "currency", "TRY", "priority", 0, "tags", new String[0],
					"country", "TR"));
			values.put("salesperson", user.has(dev.kervan.identity.Role.SALESPERSON) ? user.id() : null);
			for (String field : List.of("contactName", "companyName", "email", "phone", "source", "campaign", "notes")) {
				values.put(field, null);
			}
		}
		if (creating || doc.has("title")) {
			String title = doc.text("title", 200);
			if (title == null) {
				doc.reject("title", "error.value.required");
			}
			values.put("title", title);
		}
		for (String field : List.of("contactName", "companyName")) {
			if (doc.has(field)) {
				values.put(field, doc.text(field, 200));
			}
		}
		if (doc.has("country")) {
			String country = doc.code("country", 2);
			if (country == null || !country.matches("[A-Za-z]{2}")) {
				doc.reject("country", "error.value.invalid", String.valueOf(country));
			}
			else {
				values.put("country", country.toUpperCase(java.util.Locale.ROOT));
			}
		}
		if (doc.has("email")) {
			values.put("email", doc.email("email"));
		}
		if (doc.has("phone")) {
			String typed = doc.code("phone", 40);
			values.put("phone", typed == null ? null : PhoneNumbers.toE164(typed, (String) values.get("country")).orElseGet(() -> {
				doc.reject("phone", "error.phone.invalid");
				return null;
			}));
		}
		for (String field : List.of("source", "campaign")) {
			if (doc.has(field)) {
				values.put(field, doc.text(field, 120));
			}
		}
		if (doc.has("notes")) {
			values.put("notes", doc.freeText("notes", 4000));
		}
		if (doc.has("expectedRevenue")) {
			BigDecimal revenue = doc.amount("expectedRevenue");
			values.put("revenue", revenue == null ? BigDecimal.ZERO : revenue);
		}
		if (doc.has("currency")) {
			String currency = doc.currency("currency");
			if (currency != null) {
				values.put("currency", currency);
			}
		}
		if (doc.has("priority")) {
			Integer priority = doc.integer("priority");
			if (priority != null && (priority < 0 || priority > 3)) {
				doc.reject("priority", "error.value.range", 0, 3);
			}
			values.put("priority", priority == null ? 0 : priority);
		}
		if (doc.has("tags")) {
			List<String> tags = doc.texts("tags");
			if (tags.size() > 20 || tags.stream().anyMatch(tag -> tag.length() > 40)) {
				doc.reject("tags", "error.pipeline.too-many-tags", 20);
			}
			values.put("tags", tags.toArray(String[]::new));
		}
		if (doc.has("salespersonId")) {
			Long salesperson = doc.id("salespersonId");
			if (salesperson != null && users.find(salesperson).isEmpty()) {
				doc.reject("salespersonId", "error.pipeline.unknown-user", salesperson);
			}
			values.put("salesperson", salesperson);
		}
	}
}
