package dev.kervan.pipeline.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import dev.kervan.customers.CustomerSummary;
import dev.kervan.customers.Customers;
import dev.kervan.identity.CurrentUser;
import dev.kervan.identity.Role;
import dev.kervan.identity.Users;
import dev.kervan.pipeline.internal.LoseOpportunity;
import dev.kervan.pipeline.internal.LostReasons;
import dev.kervan.pipeline.internal.MoveCard;
import dev.kervan.pipeline.internal.NewOpportunity;
import dev.kervan.pipeline.internal.Opportunities;
import dev.kervan.pipeline.internal.OpportunityRow;
import dev.kervan.pipeline.internal.PipelineBoard;
import dev.kervan.pipeline.internal.PipelinePolicy;
import dev.kervan.pipeline.OpportunityStatus;
import dev.kervan.pipeline.internal.OpportunityExport;
import dev.kervan.pipeline.internal.PipelineStages;
import dev.kervan.pipeline.internal.PipelineStatistics;
import dev.kervan.pipeline.internal.SalesTeams;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.Commands;
import dev.kervan.platform.Dates;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.FormState;
import dev.kervan.platform.KervanProperties;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.TableExport;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pipeline's pages: the kanban board, where a dropped card is saved at once, and the opportunity page with
 * won, lost and reopen. Both go through the same rules as the API.
 */
@Controller
@RequestMapping("/pipeline")
class PipelinePages {

	private static final Set<String> QUICK_FIELDS = Set.of("title", "expectedRevenue", "stageId", "teamId");

	private final PipelineBoard board;
	private final Opportunities opportunities;
	private final PipelineStages stages;
	private final LostReasons lostReasons;
	private final PipelinePolicy policy;
	private final AuditTrail audit;
	private final MessageSource messages;
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Customers customers;
	private final Users users;
	private final OpportunityExport export;
	private final PipelineStatistics statistics;
	private final SalesTeams teams;
	private final Clock clock;
	private final KervanProperties properties;
	private final Commands commands;

	PipelinePages(Commands commands, PipelineBoard board, Opportunities opportunities, PipelineStages stages, LostReasons lostReasons,
			PipelinePolicy policy, AuditTrail audit, MessageSource messages, Customers customers, PipelineStatistics statistics,
			SalesTeams teams, Clock clock, KervanProperties properties, OpportunityExport export, Users users) {
		this.commands = commands;
		this.customers = customers;
		this.users = users;
		this.export = export;
		this.statistics = statistics;
		this.teams = teams;
		this.clock = clock;
		this.properties = properties;
		this.board = board;
		this.opportunities = opportunities;
		this.stages = stages;
		this.lostReasons = lostReasons;
		this.policy = policy;
		this.audit = audit;
		this.messages = messages;
	}

	@GetMapping
	String board(@RequestParam(required = false) @Nullable Long teamId, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(required = false) @Nullable String tag, @RequestParam(required = false) @Nullable Integer priority,
			@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) @Nullable String segment, @RequestParam(required = false) @Nullable Long salespersonId,
			Model model) {
		var filter = new PipelineBoard.Filter(mine, blankToNull(tag), priority, salespersonId, blankToNull(q), overdue,
				blankToNull(segment));
		model.addAttribute("board", board.board(teamId, filter));
		model.addAttribute("salespeople", users.activeWithRole(Role.SALESPERSON));
		model.addAttribute("filter", filter);
		if (!model.containsAttribute("quick")) {
			model.addAttribute("quick", FormState.empty());
		}
		return "pipeline/board";
	}

	@GetMapping("/list")
	String list(@RequestParam(required = false) @Nullable Long teamId, @RequestParam(required = false) @Nullable OpportunityStatus status,
			@RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) @Nullable String tag,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		CurrentUser user = policy.requireSales();
		var page = opportunities.list(new Opportunities.Filter(teamId, null, status, mine ? user.id() : null, null, blankToNull(tag),
				null), Opportunities.Sort.NEWEST, cursor, PageLimit.of(50));
		var stageNames = new java.util.HashMap<Long, String>();
		stages.list(teamId).forEach(stage -> stageNames.put(stage.id(), stage.name()));
		model.addAttribute("page", page);
		model.addAttribute("stageNames", stageNames);
		model.addAttribute("customerNames", customers.names(page.items().stream().map(OpportunityRow::customer)
			.filter(java.util.Objects::nonNull).distinct().toList()));
		model.addAttribute("teams", teams.list());
		model.addAttribute("filter", Map.of("teamId", teamId == null ? "" : teamId.toString(), "status", status == null ? "" : status.name(),
				"mine", mine, "tag", tag == null ? "" : tag));
		return "pipeline/list";
	}

	@GetMapping("/export")
	void export(@RequestParam(required = false) @Nullable Long teamId, @RequestParam(required = false) @Nullable OpportunityStatus status,
			@RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) @Nullable String tag,
			@RequestParam(required = false) @Nullable String format, HttpServletResponse response) throws java.io.IOException {
		TableExport.Format chosen = TableExport.Format.of(format);
		TableExport.startDownload(response, chosen, "opportunities");
		export.write(teamId, status, mine, tag, chosen, response.getOutputStream());
	}

	@GetMapping("/stats")
	String statistics(@RequestParam(required = false) @Nullable Long teamId, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, Model model) {
		LocalDate today = LocalDate.now(clock.withZone(properties.displayZone()));
		LocalDate first = date(from, today.withDayOfMonth(1));
		LocalDate last = date(to, today);
		if (last.isBefore(first) || first.plusYears(5).isBefore(last)) {
			last = first.plusMonths(1).minusDays(1);
		}
		PipelineStatistics.Statistics stats = statistics.of(teamId, first, last);
		model.addAttribute("stats", stats);
		model.addAttribute("teams", teams.list());
		model.addAttribute("chartStages", JSON.writeValueAsString(Map.of(
				"labels", stats.stages().stream().map(line -> line.stage() + " (" + line.currency() + ")").toList(),
				"values", stats.stages().stream().map(line -> line.expected()).toList(),
				"weighted", stats.stages().stream().map(line -> line.weighted()).toList())));
		model.addAttribute("chartReasons", JSON.writeValueAsString(Map.of(
				"labels", stats.lostReasons().stream().map(PipelineStatistics.ReasonLine::reason).toList(),
				"values", stats.lostReasons().stream().map(PipelineStatistics.ReasonLine::lost).toList())));
		return "pipeline/stats";
	}

	/** A filter's date; nonsense, or a date outside {@link Dates}' range, shows the default period. */
	private static LocalDate date(@Nullable String text, LocalDate fallback) {
		return Dates.parse(text).orElse(fallback);
	}

	@GetMapping("/column/{stageId}")
	String more(@PathVariable long stageId, @RequestParam String after, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(required = false) @Nullable String tag, @RequestParam(required = false) @Nullable Integer priority,
			@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) @Nullable String segment, @RequestParam(required = false) @Nullable Long salespersonId,
			Model model) {
		var filter = new PipelineBoard.Filter(mine, blankToNull(tag), priority, salespersonId, blankToNull(q), overdue,
				blankToNull(segment));
		model.addAttribute("column", board.more(stageId, filter, after));
		model.addAttribute("filter", filter);
		return "pipeline/cards :: more-cards";
	}

	/** A card dropped on the board: answers the card's new version, or why the move was refused. */
	@PostMapping("/cards/{id}/move")
	@ResponseBody
	ResponseEntity<ObjectNode> move(@PathVariable long id, @RequestParam long stageId,
			@RequestParam(required = false) @Nullable Long beforeId, @RequestParam(required = false) @Nullable Long version) {
		try {
			OpportunityRow moved = opportunities.move(id, ExpectedVersion.fromForm(version), new MoveCard(stageId, beforeId, null));
			ObjectNode answer = JsonNodeFactory.instance.objectNode();
			answer.put("version", moved.version());
			answer.put("status", moved.status().name());
			return ResponseEntity.ok(answer);
		}
		catch (DomainException refusal) {
			ObjectNode answer = JsonNodeFactory.instance.objectNode();
			answer.put("message", messages.getMessage(refusal.messageCode(), refusal.arguments(), refusal.messageCode(),
					LocaleContextHolder.getLocale()));
			return ResponseEntity.status(refusal.kind().status()).body(answer);
		}
	}

	/** Quick-create in a column: a title (and perhaps a revenue) is enough. */
	@PostMapping("/cards")
	String quickCreate(@RequestParam MultiValueMap<String, String> submitted, RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, QUICK_FIELDS, Set.of());
		try {
			opportunities.create(commands.read(form.toJson(true, Set.of()), NewOpportunity.class));
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("quick", form.reject(refusal, messages));
			redirect.addFlashAttribute("quickStage", form.value("stageId"));
		}
		return "redirect:/pipeline?teamId=" + form.value("teamId");
	}

	@GetMapping("/opportunities/{id}")
	String opportunity(@PathVariable long id, Model model) {
		CurrentUser user = policy.requireSales();
		OpportunityRow row = opportunities.get(id);
		model.addAttribute("opportunity", row);
		model.addAttribute("stage", stages.get(row.stage()));
		model.addAttribute("customerName", row.customer() == null ? null
				: customers.find(row.customer()).map(CustomerSummary::name).orElse(null));
		model.addAttribute("stages", stages.list(row.team()));
		model.addAttribute("actions", opportunities.availableActions(row).stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()));
		model.addAttribute("lostReasons", lostReasons.list(false));
		model.addAttribute("lostReasonName", row.lostReason() == null ? null : lostReasons.get(row.lostReason()).name());
		model.addAttribute("history", audit.history("opportunity", id));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", FormState.empty());
		}
		return "pipeline/opportunity";
	}

	@PostMapping("/opportunities/{id}/{action:won|lost|reopen}")
	String decide(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) @Nullable Long version,
			@RequestParam MultiValueMap<String, String> submitted, Model model, HttpServletResponse response) {
		FormState form = FormState.from(submitted, Set.of("lostReasonId", "note"), Set.of());
		try {
			var expected = ExpectedVersion.fromForm(version);
			switch (action) {
				case "won" -> opportunities.won(id, expected);
				case "lost" -> opportunities.lost(id, expected, commands.read(form.toJson(true, Set.of()), LoseOpportunity.class));
				default -> opportunities.reopen(id, expected);
			}
			return "redirect:/pipeline/opportunities/" + id;
		}
		catch (DomainException refusal) {
			model.addAttribute("form", form.reject(refusal, messages));
			response.setStatus(refusal.kind().status() == 409 ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
			return opportunity(id, model);
		}
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
