package dev.kervan.pipeline.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kervan.pipeline.OpportunityStatus;
import dev.kervan.pipeline.internal.LoseOpportunity;
import dev.kervan.pipeline.internal.MoveCard;
import dev.kervan.pipeline.internal.NewOpportunity;
import dev.kervan.pipeline.internal.Opportunities;
import dev.kervan.pipeline.internal.OpportunityChange;
import dev.kervan.pipeline.internal.OpportunityExport;
import dev.kervan.pipeline.internal.PipelineBoard;
import dev.kervan.pipeline.internal.PipelinePageModels;
import dev.kervan.platform.Commands;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.FormState;
import dev.kervan.platform.Forms;
import dev.kervan.platform.TableExport;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.FragmentsRendering;

/**
 * The pipeline's pages: the kanban board, where a dropped card is saved at once and the two columns it changed
 * come back in place, the list of opportunities, the statistics, and the opportunity page with won, lost and
 * reopen. All go through the same rules as the API.
 */
@Controller
@RequestMapping("/pipeline")
class PipelinePages {

	private static final Set<String> QUICK_FIELDS = Set.of("title", "customerId", "expectedRevenue", "priority", "stageId",
			"teamId");

	private final PipelinePageModels pages;
	private final Opportunities opportunities;
	private final OpportunityExport export;
	private final Commands commands;
	private final Forms forms;

	PipelinePages(PipelinePageModels pages, Opportunities opportunities, OpportunityExport export, Commands commands,
			Forms forms) {
		this.pages = pages;
		this.opportunities = opportunities;
		this.export = export;
		this.commands = commands;
		this.forms = forms;
	}

	/** What narrows the board, as its filter bar, its "more" buttons and its drops send it. */
	record BoardQuery(@Nullable Long teamId, @Nullable Boolean mine, @Nullable String tag, @Nullable Integer priority,
			@Nullable String q, @Nullable Boolean overdue, @Nullable String segment, @Nullable Long salespersonId) {

		PipelineBoard.Filter filter() {
			return new PipelineBoard.Filter(Boolean.TRUE.equals(mine), blankToNull(tag), priority, salespersonId,
					blankToNull(q), Boolean.TRUE.equals(overdue), blankToNull(segment));
		}
	}

	@GetMapping
	String board(BoardQuery query, Model model) {
		model.addAllAttributes(pages.board(query.teamId(), query.filter()).toModel());
		if (!model.containsAttribute("quick")) {
			model.addAttribute("quick", FormState.empty());
		}
		return "pipeline/board";
	}

	/** The board alone, for its filter bar. */
	@HxRequest(target = "board")
	@GetMapping
	String boardOnly(BoardQuery query, Model model) {
		board(query, model);
		return "pipeline/board :: board";
	}

	@GetMapping("/list")
	String list(@RequestParam(required = false) @Nullable Long teamId, @RequestParam(required = false) @Nullable OpportunityStatus status,
			@RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) @Nullable String tag,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		model.addAllAttributes(pages.list(teamId, status, mine, tag, cursor).toModel());
		return "pipeline/list";
	}

	/** The list alone, for the filter bar. */
	@HxRequest(target = "opportunity-list")
	@GetMapping("/list")
	String listOnly(@RequestParam(required = false) @Nullable Long teamId,
			@RequestParam(required = false) @Nullable OpportunityStatus status, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(required = false) @Nullable String tag, @RequestParam(required = false) @Nullable String cursor,
			Model model) {
		list(teamId, status, mine, tag, cursor, model);
		return "pipeline/list :: opportunity-list";
	}

	@GetMapping("/export")
	void export(@RequestParam(required = false) @Nullable Long teamId, @RequestParam(required = false) @Nullable OpportunityStatus status,
			@RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) @Nullable String tag,
			@RequestParam(required = false) @Nullable String format, HttpServletResponse response) throws IOException {
		TableExport.Format chosen = TableExport.Format.of(format);
		TableExport.startDownload(response, chosen, "opportunities");
		export.write(teamId, status, mine, tag, chosen, response.getOutputStream());
	}

	@GetMapping("/stats")
	String statistics(@RequestParam(required = false) @Nullable Long teamId, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, Model model) {
		model.addAllAttributes(pages.statistics(teamId, from, to).toModel());
		return "pipeline/stats";
	}

	@GetMapping("/column/{stageId}")
	String more(@PathVariable long stageId, @RequestParam String after, BoardQuery query, Model model) {
		model.addAllAttributes(pages.more(stageId, query.filter(), after).toModel());
		return "pipeline/cards :: more-cards";
	}

	/**
	 * A card dropped on the board: answers the columns it left and entered, each swapped in place of its own
	 * (htmx out-of-band), with their counts and totals; a refused drop answers why, and the board as it is stored.
	 */
	@PostMapping("/cards/{id}/move")
	FragmentsRendering move(@PathVariable long id, @RequestParam long stageId, @RequestParam(required = false) @Nullable Long beforeId,
			@RequestParam(required = false) @Nullable Long version, BoardQuery query) {
		return forms.inPlace(() -> {
			long left = opportunities.get(id).stage();
			long entered = opportunities.move(id, ExpectedVersion.fromForm(version), new MoveCard(stageId, beforeId, null)).stage();
			return FragmentsRendering.fragment("pipeline/board :: columns",
					withSwap(pages.columns(List.of(left, entered), query.filter()).toModel())).build();
		}, refusal -> FragmentsRendering.fragment("pipeline/board :: board-message", withSwap(Map.of("refusal", refusal)))
			.fragment("pipeline/board :: board", withSwap(pages.board(query.teamId(), query.filter()).toModel())));
	}

	/** The model of fragments that replace their elements of the page by id (htmx out-of-band swaps). */
	private static Map<String, Object> withSwap(Map<String, ? extends @Nullable Object> model) {
		var swapped = new java.util.HashMap<String, Object>(model);
		swapped.put("quick", FormState.empty());
		swapped.put("swap", true);
		return swapped;
	}

	/** Quick-create in a column: a title (and perhaps a revenue) is enough; a refusal shows beside it. */
	@PostMapping("/cards")
	String quickCreate(@RequestParam MultiValueMap<String, String> submitted, Model model) {
		FormState form = FormState.from(submitted, QUICK_FIELDS, Set.of());
		String team = form.value("teamId").matches("\\d{1,18}") ? form.value("teamId") : "";
		return forms.submit(form, model, () -> {
			opportunities.create(commands.read(form.toJson(true, Set.of()), NewOpportunity.class));
			return "redirect:/pipeline?teamId=" + team;
		}, () -> {
			model.addAttribute("quick", model.getAttribute("form"));
			model.addAttribute("quickStage", form.value("stageId"));
			return board(new BoardQuery(team.isEmpty() ? null : Long.valueOf(team), null, null, null, null, null, null, null),
					model);
		});
	}

	@GetMapping("/opportunities/{id}")
	String opportunity(@PathVariable long id, Model model) {
		model.addAllAttributes(pages.opportunity(id).toModel());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", FormState.empty());
		}
		return "pipeline/opportunity";
	}

	/** The opportunity's form on its page: the fields sent change, a refusal shows beside its field. */
	@PostMapping("/opportunities/{id}")
	String change(@PathVariable long id, @RequestParam(required = false) @Nullable Long version,
			@RequestParam MultiValueMap<String, String> submitted, Model model, RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, PipelinePageModels.EDIT_FIELDS, Set.of());
		return forms.submit(form, model, () -> {
			opportunities.update(id, ExpectedVersion.fromForm(version),
					commands.read(form.toJson(false, Set.of("tags")), OpportunityChange.class));
			redirect.addFlashAttribute(Forms.MESSAGE, forms.message("pipeline.edit.saved"));
			return "redirect:/pipeline/opportunities/" + id;
		}, () -> {
			model.addAllAttributes(pages.opportunity(id, (FormState) model.getAttribute("form")).toModel());
			model.addAttribute("form", FormState.empty());
			return "pipeline/opportunity";
		});
	}

	@PostMapping("/opportunities/{id}/{action:won|lost|reopen}")
	String decide(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) @Nullable Long version,
			@RequestParam MultiValueMap<String, String> submitted, Model model) {
		FormState form = FormState.from(submitted, Set.of("lostReasonId", "note"), Set.of());
		return forms.submit(form, model, () -> {
			var expected = ExpectedVersion.fromForm(version);
			switch (action) {
				case "won" -> opportunities.won(id, expected);
				case "lost" -> opportunities.lost(id, expected, commands.read(form.toJson(true, Set.of()), LoseOpportunity.class));
				default -> opportunities.reopen(id, expected);
			}
			return "redirect:/pipeline/opportunities/" + id;
		}, () -> opportunity(id, model));
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
