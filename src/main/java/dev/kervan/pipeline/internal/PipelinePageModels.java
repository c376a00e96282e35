package dev.kervan.pipeline.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.kervan.customers.CustomerSummary;
import dev.kervan.customers.Customers;
import dev.kervan.identity.CurrentUser;
import dev.kervan.identity.Role;
import dev.kervan.identity.Users;
import dev.kervan.pipeline.LeadStatus;
import dev.kervan.pipeline.OpportunityStatus;
import dev.kervan.platform.Countries;
import dev.kervan.platform.Dates;
import dev.kervan.platform.FormState;
import dev.kervan.platform.Formats;
import dev.kervan.platform.Forms;
import dev.kervan.platform.HistoryEntry;
import dev.kervan.platform.KervanProperties;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.ListLinks;
import dev.kervan.platform.Money;
import dev.kervan.platform.Option;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.PageModel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the pipeline's pages show, each page in one call: the board (and the columns a drop changed), the list of
 * opportunities, the leads, an opportunity, and the statistics.
 */
@Component
public class PipelinePageModels {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final PipelineBoard board;
	private final Opportunities opportunities;
	private final Leads leads;
	private final PipelineStages stages;
	private final SalesTeams teams;
	private final LostReasons lostReasons;
	private final PipelineStatistics statistics;
	private final PipelinePolicy policy;
	private final PipelineHistory history;
	private final Customers customers;
	private final Users users;
	private final Forms forms;
	private final Clock clock;
	private final KervanProperties properties;
	private final Formats formats;

	PipelinePageModels(PipelineBoard board, Opportunities opportunities, Leads leads, PipelineStages stages,
			SalesTeams teams, LostReasons lostReasons, PipelineStatistics statistics, PipelinePolicy policy,
			PipelineHistory history, Customers customers, Users users, Forms forms, Clock clock,
			KervanProperties properties, Formats formats) {
		this.formats = formats;
		this.board = board;
		this.opportunities = opportunities;
		this.leads = leads;
		this.stages = stages;
		this.teams = teams;
		this.lostReasons = lostReasons;
		this.statistics = statistics;
		this.policy = policy;
		this.history = history;
		this.customers = customers;
		this.users = users;
		this.forms = forms;
		this.clock = clock;
		this.properties = properties;
	}

	/** The board, with its filters as the filter bar shows them ({@code links}) and as its "more" buttons send them. */
	public record BoardPage(PipelineBoard.Board board, ListLinks links, PipelineBoard.Filter filter,
			List<Option> salespersonOptions, List<Option> segmentOptions, List<Option> priorityOptions)
			implements PageModel {
	}

	/** The columns a drop changed, to be swapped into the board in place of theirs. */
	public record ColumnsPage(List<PipelineBoard.Column> columns, PipelineBoard.Filter filter) implements PageModel {
	}

	/** The next cards of a long column, after those shown. */
	public record MoreCards(PipelineBoard.Column column, PipelineBoard.Filter filter) implements PageModel {
	}

	public record ListPage(KeysetPage<OpportunityRow> page, ListLinks links, List<Option> teamOptions,
			List<Option> statusOptions, Map<Long, String> stageNames, Map<Long, String> customerNames)
			implements PageModel {
	}

	public record LeadsPage(KeysetPage<LeadRow> page, ListLinks links, List<Option> statusOptions) implements PageModel {
	}

	/** An opportunity with the buttons its state allows ({@code actions}: the names of its available actions). */
	/**
	 * An opportunity's page: its details as a form ({@code editForm}) for those who may change it, read-only for the
	 * others; its actions, and the lost form.
	 */
	public record OpportunityPage(OpportunityRow opportunity, PipelineStages.Stage stage, @Nullable String customerName,
			List<PipelineStages.Stage> stages, Set<String> actions, List<LostReasons.LostReason> lostReasons,
			@Nullable String lostReasonName, List<HistoryEntry> history, boolean mayEdit, FormState editForm,
			List<Option> currencyOptions, List<Option> priorityOptions, List<Option> salespersonOptions,
			@Nullable String salespersonName) implements PageModel {
	}

	/** A lead's page: its fields as a form while it may change ({@code CHANGE} among its actions), its actions. */
	public record LeadPage(LeadRow lead, Set<String> actions, List<HistoryEntry> history, FormState editForm,
			List<Option> currencyOptions, List<Option> priorityOptions, List<Option> salespersonOptions,
			List<Option> countryOptions) implements PageModel {
	}

	/** The fields of a lead's form on its page, as {@link LeadChange} names them. */
	public static final Set<String> LEAD_FIELDS = Set.of("title", "contactName", "companyName", "email", "phone",
			"country", "source", "campaign", "expectedRevenue", "currency", "priority", "tags", "salespersonId", "notes");

	/** The fields of an opportunity's form on its page, as {@link OpportunityChange} names them. */
	public static final Set<String> EDIT_FIELDS = Set.of("title", "customerId", "prospectName", "email", "phone",
			"expectedRevenue", "currency", "probability", "priority", "tags", "expectedCloseDate", "salespersonId", "source",
			"notes");

	/** The statistics of a period, with the charts' data as JSON for their script. */
	/** A chart's series (JSON for the chart script) of the amounts of one currency. */
	public record CurrencyChart(String currency, String series) {
	}

	public record StatisticsPage(PipelineStatistics.Statistics stats, List<SalesTeams.Team> teams, List<CurrencyChart> chartStages,
			String chartReasons) implements PageModel {
	}

	public BoardPage board(@Nullable Long teamId, PipelineBoard.Filter filter) {
		PipelineBoard.Board shown = board.board(teamId, filter);
		var links = ListLinks.to("/pipeline").with("teamId", shown.team().id()).with("q", filter.q())
			.with("tag", filter.tag()).with("salespersonId", filter.salespersonId()).with("segment", filter.segment())
			.with("priority", filter.priority()).with("mine", filter.mine() ? "true" : null)
			.with("overdue", filter.overdue() ? "true" : null);
		return new BoardPage(shown, links, filter,
				users.activeWithRole(Role.SALESPERSON).stream()
					.map(user -> new Option(String.valueOf(user.id()), user.displayName())).toList(),
				Stream.of("A", "B", "C").map(segment -> new Option(segment, segment)).toList(),
				IntStream.rangeClosed(1, 3).mapToObj(stars -> new Option(String.valueOf(stars), "★".repeat(stars))).toList());
	}

	/** The columns of the stages a card left and entered, in that order (one when it moved within its column). */
	public ColumnsPage columns(List<Long> stageIds, PipelineBoard.Filter filter) {
		return new ColumnsPage(board.columns(stageIds, filter), filter);
	}

	public MoreCards more(long stageId, PipelineBoard.Filter filter, String after) {
		return new MoreCards(board.more(stageId, filter, after), filter);
	}

	public ListPage list(@Nullable Long teamId, @Nullable OpportunityStatus status, boolean mine, @Nullable String tag,
			@Nullable String cursor) {
		CurrentUser user = policy.requireSales();
		var page = opportunities.list(new Opportunities.Filter(teamId, null, status, mine ? user.id() : null, null,
				blankToNull(tag), null), Opportunities.Sort.NEWEST, cursor, PageLimit.of(50));
		var links = ListLinks.to("/pipeline/list").exportedAt("/pipeline/export").with("teamId", teamId)
			.with("status", status).with("mine", mine ? "true" : null).with("tag", tag).at(cursor);
		var stageNames = new HashMap<Long, String>();
		stages.list(teamId).forEach(stage -> stageNames.put(stage.id(), stage.name()));
		return new ListPage(page, links,
				teams.list().stream().map(team -> new Option(String.valueOf(team.id()), team.name())).toList(),
				forms.options(OpportunityStatus.values(), "pipeline.status."), stageNames,
				customers.names(page.items().stream().map(OpportunityRow::customer).filter(Objects::nonNull).distinct().toList()));
	}

	public LeadsPage leads(@Nullable LeadStatus status, @Nullable String cursor) {
		return new LeadsPage(leads.list(status, null, cursor, PageLimit.of(50)),
				ListLinks.to("/pipeline/leads").with("status", status).at(cursor),
				forms.options(LeadStatus.values(), "lead.status."));
	}

	public OpportunityPage opportunity(long id) {
		return opportunity(id, null);
	}

	/** The page with its form as sent, refused ({@code refused}), or as the opportunity is (null). */
	public OpportunityPage opportunity(long id, @Nullable FormState refused) {
		OpportunityRow row = opportunities.get(id);
		String customerName = row.customer() == null ? null
				: customers.find(row.customer()).map(CustomerSummary::name).orElse(null);
		String salespersonName = row.salesperson() == null ? null
				: users.find(row.salesperson()).map(dev.kervan.identity.UserSummary::displayName).orElse(null);
		return new OpportunityPage(row, stages.get(row.stage()), customerName, stages.list(row.team()),
				opportunities.availableActions(row).stream().map(Enum::name).collect(Collectors.toSet()),
				lostReasons.list(false), row.lostReason() == null ? null : lostReasons.get(row.lostReason()).name(),
				history.of(row), policy.mayEdit(policy.requireSales(), row),
				refused != null ? refused : editForm(row, customerName), currencyOptions(row.currency()), priorityOptions(),
				salespersonOptions(row.salesperson()), salespersonName);
	}

	/** The lead's page with its form as sent, refused ({@code refused}), or as the lead is (null). */
	public LeadPage lead(long id, @Nullable FormState refused) {
		LeadRow lead = leads.get(id);
		var values = new HashMap<String, @Nullable String>();
		values.put("title", lead.title());
		values.put("contactName", lead.contactName());
		values.put("companyName", lead.companyName());
		values.put("email", lead.email());
		values.put("phone", lead.phone());
		values.put("country", lead.country());
		values.put("source", lead.source());
		values.put("campaign", lead.campaign());
		values.put("expectedRevenue", formats.inputAmount(lead.expectedRevenue()));
		values.put("currency", lead.currency());
		values.put("priority", String.valueOf(lead.priority()));
		values.put("tags", String.join(", ", lead.tags()));
		values.put("salespersonId", lead.salespersonId() == null ? "" : String.valueOf(lead.salespersonId()));
		values.put("notes", lead.notes());
		return new LeadPage(lead, leads.availableActions(lead).stream().map(Enum::name).collect(Collectors.toSet()),
				history.of(lead), refused != null ? refused : FormState.of(values),
				currencyOptions(lead.currency()), priorityOptions(), salespersonOptions(lead.salespersonId()),
				Countries.options(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
	}

	private List<Option> currencyOptions(String current) {
		var currencies = new java.util.ArrayList<>(Money.OFFERED_CURRENCIES);
		if (!currencies.contains(current)) {
			currencies.addFirst(current);
		}
		return currencies.stream().map(code -> new Option(code, code)).toList();
	}

	private List<Option> priorityOptions() {
		return IntStream.rangeClosed(0, 3)
			.mapToObj(stars -> new Option(String.valueOf(stars), forms.message("pipeline.priority." + stars)))
			.toList();
	}

	/** The active salespeople, and the one chosen already even if no longer active. */
	private List<Option> salespersonOptions(@Nullable Long chosen) {
		var salespeople = users.activeWithRole(Role.SALESPERSON).stream()
			.map(user -> new Option(String.valueOf(user.id()), user.displayName()))
			.collect(Collectors.toCollection(java.util.ArrayList::new));
		if (chosen != null && salespeople.stream().noneMatch(o -> o.value().equals(String.valueOf(chosen)))) {
			salespeople.addFirst(new Option(String.valueOf(chosen),
					users.find(chosen).map(dev.kervan.identity.UserSummary::displayName).orElse("—")));
		}
		return salespeople;
	}

	private FormState editForm(OpportunityRow row, @Nullable String customerName) {
		var values = new HashMap<String, @Nullable String>();
		values.put("title", row.title());
		values.put("customerId", row.customer() == null ? "" : String.valueOf(row.customer()));
		values.put("prospectName", row.prospectName());
		values.put("email", row.email());
		values.put("phone", row.phone());
		values.put("expectedRevenue", formats.inputAmount(row.expectedRevenue()));
		values.put("currency", row.currency());
		values.put("probability", row.probabilityManual() ? formats.inputNumber(row.probability()) : "");
		values.put("priority", String.valueOf(row.priority()));
		values.put("tags", String.join(", ", row.tags()));
		values.put("expectedCloseDate", formats.inputDate(row.expectedClose()));
		values.put("salespersonId", row.salesperson() == null ? "" : String.valueOf(row.salesperson()));
		values.put("source", row.source());
		values.put("notes", row.notes());
		return FormState.of(values).withText("customerId", customerName);
	}

	/**
	 * The statistics from {@code from} to {@code to}, typed as the reader types dates (their order and calendar, or ISO):
	 * this month by default; nonsense, a date outside
	 * {@link Dates}' range or a period longer than five years shows the default period.
	 */
	public StatisticsPage statistics(@Nullable Long teamId, @Nullable String from, @Nullable String to) {
		LocalDate today = LocalDate.now(clock.withZone(properties.displayZone()));
		LocalDate first = formats.typedDate(from).orElse(today.withDayOfMonth(1));
		LocalDate last = formats.typedDate(to).orElse(today);
		if (last.isBefore(first) || first.plusYears(5).isBefore(last)) {
			last = first.plusMonths(1).minusDays(1);
		}
		PipelineStatistics.Statistics stats = statistics.of(teamId, first, last);
		// One chart per currency: amounts of two currencies never share an axis.
		var byCurrency = stats.stages().stream().collect(Collectors.groupingBy(PipelineStatistics.StageLine::currency,
				java.util.TreeMap::new, Collectors.toList()));
		List<CurrencyChart> chartStages = byCurrency.entrySet().stream()
			.map(entry -> new CurrencyChart(entry.getKey(), JSON.writeValueAsString(Map.of(
					"labels", entry.getValue().stream().map(PipelineStatistics.StageLine::stage).toList(),
					"values", entry.getValue().stream().map(PipelineStatistics.StageLine::expected).toList(),
					"weighted", entry.getValue().stream().map(PipelineStatistics.StageLine::weighted).toList()))))
			.toList();
		String chartReasons = JSON.writeValueAsString(Map.of(
				"labels", stats.lostReasons().stream().map(PipelineStatistics.ReasonLine::reason).toList(),
				"values", stats.lostReasons().stream().map(PipelineStatistics.ReasonLine::lost).toList()));
		return new StatisticsPage(stats, teams.list(), chartStages, chartReasons);
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
