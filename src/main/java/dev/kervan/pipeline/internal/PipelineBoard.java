package dev.kervan.pipeline.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kervan.identity.CurrentUser;
import dev.kervan.pipeline.internal.PipelineStages.Stage;
import dev.kervan.pipeline.internal.SalesTeams.Team;
import dev.kervan.platform.Cursor;
import dev.kervan.platform.KervanProperties;
import dev.kervan.platform.SearchText;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The kanban board of a team's pipeline: a column per stage with its count, its expected revenue and the revenue
 * weighted by probability (per currency: amounts of different currencies are never added up), and the first
 * cards of each column in their order; long columns load the rest on demand.
 */
@Service
public class PipelineBoard {

	/** Cards a column shows before "more". */
	public static final int COLUMN_PAGE = 20;

	/** What narrows the board. */
	public record Filter(boolean mine, @Nullable String tag, @Nullable Integer priority, @Nullable Long salespersonId,
			@Nullable String q, boolean overdue, @Nullable String segment) {

		public static Filter none() {
			return new Filter(false, null, null, null, null, false, null);
		}
	}

	public record Card(long id, long version, String title, @Nullable String customerName, BigDecimal expectedRevenue,
			String currency, int probability, int priority, List<String> tags, @Nullable String salespersonName,
			boolean won, @Nullable String nextActivity, @Nullable LocalDate nextDue, boolean overdue, String segment) {
	}

	public record Total(String currency, BigDecimal revenue, BigDecimal weighted) {
	}

	public record Column(Stage stage, long count, List<Total> totals, List<Card> cards, @Nullable String more) {
	}

	public record Board(Team team, List<Team> teams, List<Column> columns) {
	}

	private final JdbcClient jdbc;
	private final PipelinePolicy policy;
	private final PipelineStages stages;
	private final SalesTeams teams;
	private final Clock clock;
	private final KervanProperties properties;
	private final PipelineSettings settings;

	PipelineBoard(JdbcClient jdbc, PipelinePolicy policy, PipelineStages stages, SalesTeams teams, Clock clock,
			KervanProperties properties, PipelineSettings settings) {
		this.settings = settings;
		this.clock = clock;
		this.properties = properties;
		this.jdbc = jdbc;
		this.policy = policy;
		this.stages = stages;
		this.teams = teams;
	}

	/** The board of a team the user sees (their first team when none is named). */
	public Board board(@Nullable Long teamId, Filter filter) {
		CurrentUser user = policy.requireSales();
		boolean all = policy.seesAll(user);
		var mine = all ? java.util.Set.<Long>of() : policy.boardTeams(user);
		List<Team> visible = teams.list().stream().filter(t -> t.active() && (all || mine.contains(t.id()))).toList();
		Team team = visible.stream().filter(t -> teamId != null && t.id() == teamId).findFirst()
			.orElseGet(() -> visible.stream().filter(t -> t.id() == teams.defaultTeamOf(user.id())).findFirst()
				.orElseGet(() -> visible.isEmpty() ? null : visible.getFirst()));
		if (team == null) {
			throw PipelinePolicy.forbidden();
		}
		var params = new HashMap<String, Object>();
		params.put("team", team.id());
		return new Board(team, visible, columns(user, stages.list(team.id()), "o.team = :team", "s.team = :team", params,
				filter));
	}

	/**
	 * Columns as the board shows them now, for a drop that changed them (the card's column before and after):
	 * each with its count, its totals and its first cards, in the order asked.
	 */
	public List<Column> columns(List<Long> stageIds, Filter filter) {
		CurrentUser user = policy.requireSales();
		List<Stage> shown = stageIds.stream().distinct().map(id -> visibleStage(user, id)).toList();
		var params = new HashMap<String, Object>();
		params.put("stages", shown.stream().map(Stage::id).toArray(Long[]::new));
		return columns(user, shown, "o.stage = any(cast(:stages as bigint[]))", "s.id = any(cast(:stages as bigint[]))",
				params, filter);
	}

	/** The columns of {@code shown}, whose cards {@code cardScope} and whose stages {@code stageScope} select. */
	private List<Column> columns(CurrentUser user, List<Stage> shown, String cardScope, String stageScope,
			Map<String, Object> params, Filter filter) {
		var where = new ArrayList<String>();
		conditions(user, filter, where, params);
		String condition = where.isEmpty() ? "" : " and " + String.join(" and ", where);

		var totals = new HashMap<Long, List<Total>>();
		var counts = new HashMap<Long, Long>();
		jdbc.sql("""
				select stage, currency, count(*) as cards, sum(expected_revenue) as revenue,
				       sum(expected_revenue * probability / 100) as weighted
				from opportunity o where %s and status <> 'LOST'""".formatted(cardScope) + condition
				+ " group by stage, currency order by stage, currency")
			.params(params)
			.query(rs -> {
				long stage = rs.getLong("stage");
				counts.merge(stage, rs.getLong("cards"), Long::sum);
				totals.computeIfAbsent(stage, s -> new ArrayList<>()).add(new Total(rs.getString("currency"),
						rs.getBigDecimal("revenue"), rs.getBigDecimal("weighted")));
			});
		params.put("limit", COLUMN_PAGE + 1);
		var cards = new LinkedHashMap<Long, List<CardRow>>();
		jdbc.sql("""
				select s.id as column_stage, c.* from pipeline_stage s cross join lateral (
				  select %s from opportunity o %s where o.stage = s.id and o.status <> 'LOST'%s
				  order by o.rank, o.id limit :limit) c
				where %s""".formatted(CARD_COLUMNS, NEXT_ACTIVITY, condition, stageScope))
			.params(params)
			.query(rs -> {
				cards.computeIfAbsent(rs.getLong("column_stage"), s -> new ArrayList<>())
					.add(cardRow(rs, (LocalDate) params.get("today"), (PipelineSettings.Settings) params.get("segments")));
			});
		var columns = new ArrayList<Column>();
		for (Stage stage : shown) {
			List<CardRow> rows = cards.getOrDefault(stage.id(), List.of());
			columns.add(new Column(stage, counts.getOrDefault(stage.id(), 0L), totals.getOrDefault(stage.id(), List.of()),
					rows.stream().limit(COLUMN_PAGE).map(CardRow::card).toList(), more(rows)));
		}
		return columns;
	}

	/** The next cards of a column, after the cursor "more" gave. */
	public Column more(long stageId, Filter filter, String cursor) {
		CurrentUser user = policy.requireSales();
		Stage stage = visibleStage(user, stageId);
		Cursor after = Cursor.decode(cursor, 2);
		var where = new ArrayList<String>();
		var params = new HashMap<String, Object>();
		conditions(user, filter, where, params);
		where.add("(o.rank, o.id) > (:afterRank, :afterId)");
		params.put("afterRank", after == null ? Long.MIN_VALUE : after.number(0));
		params.put("afterId", after == null ? 0 : after.number(1));
		params.put("stage", stageId);
		params.put("limit", COLUMN_PAGE + 1);
		List<CardRow> rows = jdbc.sql("select " + CARD_COLUMNS + " from opportunity o " + NEXT_ACTIVITY
				+ " where o.stage = :stage and o.status <> 'LOST' and "
				+ String.join(" and ", where) + " order by o.rank, o.id limit :limit")
			.params(params)
			.query((rs, n) -> cardRow(rs, (LocalDate) params.get("today"), (PipelineSettings.Settings) params.get("segments")))
			.list();
		return new Column(stage, 0, List.of(), rows.stream().limit(COLUMN_PAGE).map(CardRow::card).toList(), more(rows));
	}

	private Stage visibleStage(CurrentUser user, long stageId) {
		Stage stage = stages.get(stageId);
		if (!policy.seesAll(user) && !policy.boardTeams(user).contains(stage.teamId())) {
			throw PipelinePolicy.forbidden();
		}
		return stage;
	}

	private void conditions(CurrentUser user, Filter filter, List<String> where, Map<String, Object> params) {
		if (!policy.seesAll(user)) {
			where.add("(o.team = any(cast(:visibleTeams as bigint[])) or o.salesperson = :me)");
			params.put("visibleTeams", policy.visibleTeams(user).toArray(Long[]::new));
		}
		params.put("me", user.id());
		params.put("today", LocalDate.now(clock.withZone(properties.displayZone())));
		PipelineSettings.Settings segments = settings.current();
		params.put("segments", segments);
		if (filter.segment() != null && List.of("A", "B", "C").contains(filter.segment())) {
			// Each card is held to its own currency's bounds: the currencies with bounds of their own are passed as
			// arrays, and a currency not among them falls back to the general bounds.
			params.put("segmentA", segments.segmentA());
			params.put("segmentB", segments.segmentB());
			params.put("segmentCurrencies", segments.segmentsByCurrency().keySet().toArray(String[]::new));
			params.put("segmentAs", segments.segmentsByCurrency().values().stream().map(PipelineSettings.CurrencySegments::segmentA).toArray(BigDecimal[]::new));
			params.put("segmentBs", segments.segmentsByCurrency().values().stream().map(PipelineSettings.CurrencySegments::segmentB).toArray(BigDecimal[]::new));
			String position = "array_position(cast(:segmentCurrencies as text[]), cast(o.currency as text))";
			String upper = "coalesce((cast(:segmentAs as numeric[]))[" + position + "], :segmentA)";
			String lower = "coalesce((cast(:segmentBs as numeric[]))[" + position + "], :segmentB)";
			where.add(switch (filter.segment()) {
				case "A" -> "o.expected_revenue >= " + upper;
				case "B" -> "o.expected_revenue >= " + lower + " and o.expected_revenue < " + upper;
				default -> "o.expected_revenue < " + lower;
			});
		}
		if (filter.overdue()) {
			where.add("""
					exists (select 1 from activity_ref a where a.subject_type = 'OPPORTUNITY' and a.subject_id = o.id
					        and a.status = 'PLANNED' and a.due_date < :today)""");
		}
		if (filter.mine()) {
			where.add("o.salesperson = :me");
		}
		if (filter.salespersonId() != null) {
			where.add("o.salesperson = :salesperson");
			params.put("salesperson", filter.salespersonId());
		}
		if (filter.tag() != null && !filter.tag().isBlank()) {
			where.add("o.tags @> array[cast(:tag as text)]");
			params.put("tag", filter.tag().strip());
		}
		if (filter.priority() != null) {
			where.add("o.priority >= :priority");
			params.put("priority", filter.priority());
		}
		// Every word typed, in any order, in the card's title, prospect or e-mail, or its account's search text.
		List<String> words = filter.q() == null ? List.of() : PipelineSearchText.words(filter.q());
		for (int i = 0; i < words.size(); i++) {
			where.add("""
					(o.search_text like :q%1$d
					 or exists (select 1 from customer_ref c where c.id = o.customer and c.search_text like :q%1$d))""".formatted(i));
			params.put("q" + i, "%" + SearchText.escapeLike(words.get(i)) + "%");
		}
	}

	private record CardRow(Card card, long rank) {
	}

	private static @Nullable String more(List<CardRow> rows) {
		if (rows.size() <= COLUMN_PAGE) {
			return null;
		}
		CardRow last = rows.get(COLUMN_PAGE - 1);
		return Cursor.encode(last.rank(), last.card().id());
	}

	private static final String CARD_COLUMNS = """
			o.id, o.version, o.title, o.rank, o.expected_revenue, o.currency, o.probability, o.priority, o.tags, o.status,
			coalesce((select c.name from customer_ref c where c.id = o.customer), o.prospect_name) as customer_name,
			(select u.display_name from user_ref u where u.id = o.salesperson) as salesperson_name,
			next.summary as next_summary, next.due_date as next_due""";

	/** The next planned activity of each card (activities are another module's: read here, never written). */
	private static final String NEXT_ACTIVITY = """
			left join lateral (select a.summary, a.due_date from activity_ref a where a.subject_type = 'OPPORTUNITY'
			  and a.subject_id = o.id and a.status = 'PLANNED' order by a.due_date, a.id limit 1) next on true""";

	private static CardRow cardRow(java.sql.ResultSet rs, LocalDate today, PipelineSettings.Settings segments)
			throws java.sql.SQLException {
		var tags = rs.getArray("tags");
		LocalDate nextDue = rs.getObject("next_due", LocalDate.class);
		return new CardRow(new Card(rs.getLong("id"), rs.getLong("version"), rs.getString("title"), rs.getString("customer_name"),
				rs.getBigDecimal("expected_revenue"), rs.getString("currency"), rs.getInt("probability"), rs.getInt("priority"),
				tags == null ? List.of() : List.of((String[]) tags.getArray()), rs.getString("salesperson_name"),
				"WON".equals(rs.getString("status")), rs.getString("next_summary"), nextDue,
				nextDue != null && nextDue.isBefore(today), segments.segmentOf(rs.getBigDecimal("expected_revenue"), rs.getString("currency"))), rs.getLong("rank"));
	}
}
