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
import dev.kervan.platform.Dates;
import dev.kervan.platform.Forms;
import dev.kervan.platform.HistoryEntry;
import dev.kervan.platform.KervanProperties;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.ListLinks;
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

	PipelinePageModels(PipelineBoard board, Opportunities opportunities, Leads leads, PipelineStages stages,
			SalesTeams teams, LostReasons lostReasons, PipelineStatistics statistics, PipelinePolicy policy,
			PipelineHistory history, Customers customers, Users users, Forms forms, Clock clock,
			KervanProperties properties) {
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
	public record OpportunityPage(OpportunityRow opportunity, PipelineStages.Stage stage, @Nullable String customerName,
			List<PipelineStages.Stage> stages, Set<String> actions, List<LostReasons.LostReason> lostReasons,
			@Nullable String lostReasonName, List<HistoryEntry> history) implements PageModel {
	}

	/** The statistics of a period, with the charts' data as JSON for their script. */
	public record StatisticsPage(PipelineStatistics.Statistics stats, List<SalesTeams.Team> teams, String chartStages,
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
		OpportunityRow row = opportunities.get(id);
		return new OpportunityPage(row, stages.get(row.stage()),
				row.customer() == null ? null : customers.find(row.customer()).map(CustomerSummary::name).orElse(null),
				stages.list(row.team()),
				opportunities.availableActions(row).stream().map(Enum::name).collect(Collectors.toSet()),
				lostReasons.list(false), row.lostReason() == null ? null : lostReasons.get(row.lostReason()).name(),
				history.of(row));
	}

	/**
	 * The statistics from {@code from} to {@code to}: this month by default; nonsense, a date outside
	 * {@link Dates}' range or a period longer than five years shows the default period.
	 */
	public StatisticsPage statistics(@Nullable Long teamId, @Nullable String from, @Nullable String to) {
		LocalDate today = LocalDate.now(clock.withZone(properties.displayZone()));
		LocalDate first = Dates.parse(from).orElse(today.withDayOfMonth(1));
		LocalDate last = Dates.parse(to).orElse(today);
		if (last.isBefore(first) || first.plusYears(5).isBefore(last)) {
			last = first.plusMonths(1).minusDays(1);
		}
		PipelineStatistics.Statistics stats = statistics.of(teamId, first, last);
		String chartStages = JSON.writeValueAsString(Map.of(
				"labels", stats.stages().stream().map(line -> line.stage() + " (" + line.currency() + ")").toList(),
				"values", stats.stages().stream().map(PipelineStatistics.StageLine::expected).toList(),
				"weighted", stats.stages().stream().map(PipelineStatistics.StageLine::weighted).toList()));
		String chartReasons = JSON.writeValueAsString(Map.of(
				"labels", stats.lostReasons().stream().map(PipelineStatistics.ReasonLine::reason).toList(),
				"values", stats.lostReasons().stream().map(PipelineStatistics.ReasonLine::lost).toList()));
		return new StatisticsPage(stats, teams.list(), chartStages, chartReasons);
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
