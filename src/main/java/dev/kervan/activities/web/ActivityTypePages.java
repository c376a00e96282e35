package dev.kervan.activities.web;

import java.util.Set;

import dev.kervan.activities.internal.ActivityPageModels;
import dev.kervan.activities.internal.ActivityTypeChange;
import dev.kervan.activities.internal.ActivityTypes;
import dev.kervan.activities.internal.NewActivityType;
import dev.kervan.platform.Commands;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.FormState;
import dev.kervan.platform.Forms;
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

/** The activity types: everyone reads them, administrators add, change and retire them. */
@Controller
@RequestMapping("/activities/types")
class ActivityTypePages {

	private static final Set<String> FIELDS = Set.of("name", "category", "defaultSummary", "delayDays", "nextTypeId");

	private final ActivityPageModels pages;
	private final ActivityTypes types;
	private final Forms forms;
	private final Commands commands;

	ActivityTypePages(ActivityPageModels pages, ActivityTypes types, Forms forms, Commands commands) {
		this.pages = pages;
		this.types = types;
		this.forms = forms;
		this.commands = commands;
	}

	@GetMapping
	String list(Model model) {
		model.addAllAttributes(pages.types().toModel());
		return "activities/types";
	}

	@PostMapping
	String add(@RequestParam MultiValueMap<String, String> submitted, RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, FIELDS, Set.of());
		return run(() -> types.create(commands.read(form.toJson(true, Set.of()), NewActivityType.class)), redirect);
	}

	@PostMapping("/{id}/active")
	String active(@PathVariable long id, @RequestParam boolean active, @RequestParam(required = false) @Nullable Long version,
			RedirectAttributes redirect) {
		return run(() -> types.update(id, ExpectedVersion.fromForm(version), ActivityTypeChange.activeOnly(active)), redirect);
	}

	private String run(Runnable change, RedirectAttributes redirect) {
		return forms.andBack("/activities/types", redirect, "action.saved", change);
	}
}
