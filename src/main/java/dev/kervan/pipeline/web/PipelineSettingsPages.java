package dev.kervan.pipeline.web;

import java.util.Set;

import dev.kervan.identity.CurrentUser;
import dev.kervan.pipeline.internal.LostReasonChange;
import dev.kervan.pipeline.internal.LostReasons;
import dev.kervan.pipeline.internal.NewLostReason;
import dev.kervan.pipeline.internal.NewStage;
import dev.kervan.pipeline.internal.NewTeam;
import dev.kervan.pipeline.internal.PipelinePolicy;
import dev.kervan.pipeline.internal.PipelineSettings;
import dev.kervan.pipeline.internal.PipelineSettingsChange;
import dev.kervan.pipeline.internal.PipelineStages;
import dev.kervan.pipeline.internal.SalesTeams;
import dev.kervan.platform.Commands;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.FormState;
import dev.kervan.platform.Forms;
import dev.kervan.platform.Money;
import dev.kervan.platform.Patch;
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
	private final Forms forms;
	private final Commands commands;

	PipelineSettingsPages(PipelineSettings settings, SalesTeams teams, PipelineStages stages, LostReasons lostReasons,
			PipelinePolicy policy, Forms forms, Commands commands) {
		this.forms = forms;
		this.commands = commands;
		this.settings = settings;
		this.teams = teams;
		this.stages = stages;
		this.lostReasons = lostReasons;
		this.policy = policy;
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
		model.addAttribute("currencies", Money.OFFERED_CURRENCIES);
		return "pipeline/settings";
	}

	@PostMapping("/leads")
	String leads(@RequestParam(defaultValue = "false") boolean leadsEnabled, @RequestParam(required = false) @Nullable Long version,
			RedirectAttributes redirect) {
		var change = new PipelineSettingsChange(Patch.of(leadsEnabled), Patch.absent(), Patch.absent(), Patch.absent(), null);
		return andBack(null, redirect, () -> settings.update(ExpectedVersion.fromForm(version), change));
	}

	@PostMapping("/segments")
	String segments(@RequestParam MultiValueMap<String, String> submitted, @RequestParam(required = false) @Nullable Long version,
			RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, Set.of("segmentA", "segmentB"), Set.of());
		return andBack(null, redirect, () -> settings.update(ExpectedVersion.fromForm(version),
				commands.read(form.toJson(false, Set.of()), PipelineSettingsChange.class)));
	}

	/** Sets one currency's own segment bounds (added, or changed when it has them already). */
	@PostMapping("/segments/currency")
	String currencySegments(@RequestParam MultiValueMap<String, String> submitted, @RequestParam(defaultValue = "") String currency,
			@RequestParam(required = false) @Nullable Long version, RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, Set.of("segmentA", "segmentB"), Set.of());
		return andBack(null, redirect, () -> {
			var bounds = commands.read(form.toJson(true, Set.of()), PipelineSettings.CurrencySegments.class);
			settings.update(ExpectedVersion.fromForm(version), byCurrency(currency, bounds));
		});
	}

	/** Drops a currency's own bounds: its opportunities are segmented by the general ones again. */
	@PostMapping("/segments/currency/{currency}/delete")
	String dropCurrencySegments(@PathVariable String currency, @RequestParam(required = false) @Nullable Long version,
			RedirectAttributes redirect) {
		return andBack(null, redirect, () -> settings.update(ExpectedVersion.fromForm(version), byCurrency(currency, null)));
	}

	private static PipelineSettingsChange byCurrency(String currency, PipelineSettings.@Nullable CurrencySegments bounds) {
		var change = new java.util.HashMap<String, PipelineSettings.@Nullable CurrencySegments>();
		change.put(currency, bounds);
		return new PipelineSettingsChange(Patch.absent(), Patch.absent(), Patch.absent(), Patch.of(change), null);
	}

	@PostMapping("/teams")
	String addTeam(@RequestParam MultiValueMap<String, String> submitted, RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, Set.of("name", "region", "monthlyTarget"), Set.of());
		return andBack(null, redirect, () -> teams.create(commands.read(form.toJson(true, Set.of()), NewTeam.class)));
	}

	@PostMapping("/stages")
	String addStage(@RequestParam MultiValueMap<String, String> submitted, @RequestParam long teamId, RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, Set.of("teamId", "name", "probability"), Set.of());
		var fields = form.toJson(true, Set.of()).put("won", "true".equals(submitted.getFirst("won")));
		return andBack(teamId, redirect, () -> stages.create(commands.read(fields, NewStage.class)));
	}

	@PostMapping("/stages/{id}/delete")
	String deleteStage(@PathVariable long id, @RequestParam long teamId, RedirectAttributes redirect) {
		return andBack(teamId, redirect, () -> stages.delete(id));
	}

	@PostMapping("/lost-reasons")
	String addReason(@RequestParam MultiValueMap<String, String> submitted, RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, Set.of("name"), Set.of());
		return andBack(null, redirect, () -> lostReasons.create(commands.read(form.toJson(true, Set.of()), NewLostReason.class)));
	}

	@PostMapping("/lost-reasons/{id}/active")
	String retireReason(@PathVariable long id, @RequestParam boolean active, @RequestParam(required = false) @Nullable Long version,
			RedirectAttributes redirect) {
		var change = new LostReasonChange(Patch.absent(), Patch.of(active), null);
		return andBack(null, redirect, () -> lostReasons.update(id, ExpectedVersion.fromForm(version), change));
	}

	/** Runs a change and goes back to the page (the team's stages when a team is named), saying what happened. */
	private String andBack(@Nullable Long teamId, RedirectAttributes redirect, Runnable change) {
		return forms.andBack("/pipeline/settings" + (teamId == null ? "" : "?teamId=" + teamId), redirect, "action.saved",
				"pipeline.settings.field.", change);
	}
}
