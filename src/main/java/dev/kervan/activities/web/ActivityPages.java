package dev.kervan.activities.web;

import java.util.Map;
import java.util.Set;

import dev.kervan.activities.internal.Activities;
import dev.kervan.activities.internal.ActivityChange;
import dev.kervan.activities.internal.ActivityPageModels;
import dev.kervan.activities.internal.Completion;
import dev.kervan.activities.internal.Handover;
import dev.kervan.activities.internal.InteractionHistory;
import dev.kervan.activities.internal.NewActivity;
import dev.kervan.identity.CurrentUsers;
import dev.kervan.platform.Commands;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.Formats;
import dev.kervan.platform.FormState;
import dev.kervan.platform.Forms;
import dev.kervan.platform.Notifications;
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
 * "My day" (what is overdue and due today, done, moved or handed over in one click) and the activities panel
 * other records' pages load: the record's activities and a form to plan one.
 */
@Controller
@RequestMapping("/activities")
class ActivityPages {

	private final ActivityPageModels pages;
	private final Activities activities;
	private final CurrentUsers currentUsers;
	private final Notifications notifications;
	private final Formats formats;
	private final InteractionHistory history;
	private final Forms forms;
	private final Commands commands;

	ActivityPages(ActivityPageModels pages, Activities activities, CurrentUsers currentUsers, Notifications notifications,
			Formats formats, InteractionHistory history, Forms forms, Commands commands) {
		this.pages = pages;
		this.history = history;
		this.activities = activities;
		this.currentUsers = currentUsers;
		this.notifications = notifications;
		this.formats = formats;
		this.forms = forms;
		this.commands = commands;
	}

	@GetMapping("/today")
	String today(Model model) {
		model.addAllAttributes(pages.today().toModel());
		return "activities/today";
	}

	@PostMapping("/notices/read")
	String noticesRead() {
		notifications.markRead(currentUsers.get().id());
		return "redirect:/activities/today";
	}

	@PostMapping("/{id}/done")
	String done(@PathVariable long id, @RequestParam(required = false) @Nullable Long version,
			@RequestParam MultiValueMap<String, String> submitted, @RequestParam(defaultValue = "/activities/today") String back,
			RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, Set.of("feedback"), Set.of());
		return forms.andBack(safe(back), redirect, null, () -> {
			Activities.Done done = activities.done(id, ExpectedVersion.fromForm(version),
					commands.read(form.toJson(true, Set.of()), Completion.class));
			redirect.addFlashAttribute(Forms.MESSAGE, done.next() == null ? forms.message("activity.done")
					: forms.message("activity.done.next", done.next().typeName(), done.next().summary(),
							formats.date(done.next().dueDate())));
		});
	}

	@PostMapping("/{id}/reschedule")
	String reschedule(@PathVariable long id, @RequestParam(required = false) @Nullable Long version, @RequestParam String dueDate,
			@RequestParam(defaultValue = "/activities/today") String back, RedirectAttributes redirect) {
		FormState form = FormState.of(Map.of("dueDate", dueDate));
		return forms.andBack(safe(back), redirect, null, () -> activities.update(id, ExpectedVersion.fromForm(version),
				commands.read(form.toJson(false, Set.of()), ActivityChange.class)));
	}

	@GetMapping("/{id}/handover-form")
	String handOverForm(@PathVariable long id, Model model) {
		model.addAllAttributes(pages.handover(id).toModel());
		return "activities/handover :: form";
	}

	@PostMapping("/{id}/handover")
	String handOver(@PathVariable long id, @RequestParam(required = false) @Nullable Long version, @RequestParam MultiValueMap<String, String> submitted,
			@RequestParam(defaultValue = "/activities/today") String back, RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, Set.of("assigneeId", "note"), Set.of());
		// The select offers people by id and teams as "team:<id>".
		String chosen = form.value("assigneeId");
		FormState handover = chosen.startsWith("team:")
				? FormState.of(Map.of("teamId", chosen.substring("team:".length()), "note", form.value("note"))) : form;
		return forms.andBack(safe(back), redirect, null, () -> activities.handOver(id, ExpectedVersion.fromForm(version),
				commands.read(handover.toJson(true, Set.of()), Handover.class)));
	}

	/** The activities panel of a record's page, loaded by htmx. */
	@GetMapping("/of/{subjectType}/{subjectId}")
	String panel(@PathVariable String subjectType, @PathVariable long subjectId, Model model) {
		model.addAllAttributes(pages.panel(subjectType, subjectId).toModel());
		return "activities/panel :: panel";
	}

	/** A record's timeline, loaded by its page (the account page). */
	@GetMapping("/timeline/{subjectType}/{subjectId}")
	String timeline(@PathVariable String subjectType, @PathVariable long subjectId, Model model) {
		model.addAttribute("events", history.of(subjectType, subjectId));
		return "activities/timeline :: timeline";
	}

	/** Plans an activity from a record's page and goes back to it. */
	@PostMapping
	String plan(@RequestParam MultiValueMap<String, String> submitted, @RequestParam String back, RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, Set.of("typeId", "summary", "dueDate", "subjectType", "subjectId"), Set.of());
		return forms.andBack(safe(back), redirect, "activity.planned",
				() -> activities.plan(commands.read(form.toJson(true, Set.of()), NewActivity.class)));
	}

	/** Only a path of this application: a link from elsewhere must not turn a form into a redirect off-site. */
	private static String safe(String back) {
		return back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back : "/activities/today";
	}
}
