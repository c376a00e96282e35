package dev.kervan.pipeline.web;

import java.util.Set;

import dev.kervan.identity.CurrentUser;
import dev.kervan.pipeline.internal.LostReasons;
import dev.kervan.pipeline.internal.PipelinePolicy;
import dev.kervan.pipeline.internal.PipelineSettings;
import dev.kervan.pipeline.internal.PipelineStages;
import dev.kervan.pipeline.internal.SalesTeams;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.FormState;
import dev.kervan.platform.PatchDocument;
import dev.kervan.platform.Problems;
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
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The pipeline's settings page: the lead step, sales teams, each team's stages and the lost reasons. Salespeople
 * read it; sales managers change it, through the same rules as the API.
 */
@Controller
@RequestMapping("/pipeline/settings")
class PipelineSettingsPages {

	private final PipelineSettings settings;
	private final SalesTeams teams;
	private final PipelineStages stages;
	private final LostReasons lostReasons;
	private final PipelinePolicy policy;
	private final Problems messages;

	PipelineSettingsPages(PipelineSettings settings, SalesTeams teams, PipelineStages stages, LostReasons lostReasons,
			PipelinePolicy policy, Problems messages) {
		this.settings = settings;
		this.teams = teams;
		this.stages = stages;
		this.lostReasons = lostReasons;
		this.policy = policy;
		this.messages = messages;
	}

	@GetMapping
	String show(@RequestParam(required = false) @Nullable Long teamId, Model model) {
		CurrentUser user = policy.requireSales();
		var allTeams = teams.list();
		long team = teamId != null ? teamId : allTeams.isEmpty() ? 0 : allTeams.getFirst().id();
		model.addAttribute("settings", settings.get());
		model.addAttribute("teams", allTeams);
		model.addAttribute("teamId", team);
		model.addAttribute("stages", stages.list(team));
		model.addAttribute("lostReasons", lostReasons.list(true));
		model.addAttribute("mayChange", policy.seesAll(user));
		return "pipeline/settings";
	}

	@PostMapping("/leads")
	String leads(@RequestParam(defaultValue = "false") boolean leadsEnabled, @RequestParam(required = false) @Nullable Long version,
			RedirectAttributes redirect) {
		var body = JsonNodeFactory.instance.objectNode().put("leadsEnabled", leadsEnabled);
		return run(() -> settings.update(ExpectedVersion.fromForm(version), PatchDocument.of(body)), null, redirect);
	}

	@PostMapping("/segments")
	String segments(@RequestParam MultiValueMap<String, String> submitted, @RequestParam(required = false) @Nullable Long version,
			RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, Set.of("segmentA", "segmentB"), Set.of());
		return run(() -> settings.update(ExpectedVersion.fromForm(version), PatchDocument.of(form.toJson(false, Set.of()))), null,
				redirect);
	}

	@PostMapping("/teams")
	String addTeam(@RequestParam MultiValueMap<String, String> submitted, RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, Set.of("name", "region", "monthlyTarget"), Set.of());
		return run(() -> teams.create(PatchDocument.of(form.toJson(true, Set.of()))), null, redirect);
	}

	@PostMapping("/stages")
	String addStage(@RequestParam MultiValueMap<String, String> submitted, @RequestParam long teamId, RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, Set.of("teamId", "name", "probability", "won"), Set.of());
		var body = form.toJson(true, Set.of());
		body.put("won", "true".equals(form.value("won")));
		return run(() -> stages.create(PatchDocument.of(body)), teamId, redirect);
	}

	@PostMapping("/stages/{id}/delete")
	String deleteStage(@PathVariable long id, @RequestParam long teamId, RedirectAttributes redirect) {
		return run(() -> stages.delete(id), teamId, redirect);
	}

	@PostMapping("/lost-reasons")
	String addReason(@RequestParam String name, RedirectAttributes redirect) {
		var body = JsonNodeFactory.instance.objectNode().put("name", name);
		return run(() -> lostReasons.create(PatchDocument.of(body)), null, redirect);
	}

	@PostMapping("/lost-reasons/{id}/active")
	String retireReason(@PathVariable long id, @RequestParam boolean active, @RequestParam(required = false) @Nullable Long version,
			RedirectAttributes redirect) {
		var body = JsonNodeFactory.instance.objectNode().put("active", active);
		return run(() -> lostReasons.update(id, ExpectedVersion.fromForm(version), PatchDocument.of(body)), null, redirect);
	}

	/** Runs a change and goes back to the page, with what was refused and why. */
	private String run(Runnable change, @Nullable Long teamId, RedirectAttributes redirect) {
		try {
			change.run();
			redirect.addFlashAttribute("notice", "action.saved");
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("problem", messages.describe(refusal));
		}
		return "redirect:/pipeline/settings" + (teamId == null ? "" : "?teamId=" + teamId);
	}
}
