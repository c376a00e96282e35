package dev.kervan.activities.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kervan.activities.ActivitySubjects;
import dev.kervan.activities.HandoverTeams;
import dev.kervan.activities.internal.Activities;
import dev.kervan.activities.internal.ActivityRow;
import dev.kervan.activities.internal.ActivityTypes;
import dev.kervan.activities.internal.InteractionHistory;
import dev.kervan.activities.internal.SubjectTypes;
import dev.kervan.identity.CurrentUsers;
import dev.kervan.identity.Role;
import dev.kervan.identity.UserSummary;
import dev.kervan.identity.Users;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.Formats;
import dev.kervan.platform.FormState;
import dev.kervan.platform.Forms;
import dev.kervan.platform.Notifications;
import dev.kervan.platform.PatchDocument;
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

	private final Activities activities;
	private final ActivityTypes types;
	private final SubjectNames subjectNames;
	private final Users users;
	private final CurrentUsers currentUsers;
	private final Notifications notifications;
	private final Formats formats;
	private final InteractionHistory history;
	private final SubjectTypes subjects;
	private final java.util.Optional<HandoverTeams> teams;
	private final Forms forms;

	ActivityPages(Activities activities, ActivityTypes types, SubjectNames subjectNames, Users users,
			CurrentUsers currentUsers, Notifications notifications, Formats formats, InteractionHistory history,
			SubjectTypes subjects, java.util.Optional<HandoverTeams> teams, Forms forms) {
		this.subjects = subjects;
		this.teams = teams;
		this.history = history;
		this.activities = activities;
		this.types = types;
		this.subjectNames = subjectNames;
		this.users = users;
		this.currentUsers = currentUsers;
		this.notifications = notifications;
		this.formats = formats;
		this.forms = forms;
	}

	@GetMapping("/today")
	String today(Model model) {
		Activities.Day day = activities.myDay();
		model.addAttribute("day", day);
		model.addAttribute("subjects", subjectNames.of(concat(day.overdue(), day.dueToday())));
		model.addAttribute("tomorrow", day.today().plusDays(1));
		model.addAttribute("notices", notifications.latest(currentUsers.get().id(), 5).stream().filter(n -> !n.read()).toList());
		return "activities/today";
	}

	@PostMapping("/notices/read")
	String noticesRead() {
		notifications.markRead(currentUsers.get().id());
		return "redirect:/activities/today";
	}

	@PostMapping("/{id}/done")
	String done(@PathVariable long id, @RequestParam(required = false) @Nullable Long version, @RequestParam(required = false) @Nullable String feedback,
			@RequestParam(defaultValue = "/activities/today") String back, RedirectAttributes redirect) {
		var body = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
		if (feedback != null) {
			body.put("feedback", feedback);
		}
		return forms.andBack(safe(back), redirect, null, () -> {
			Activities.Done done = activities.done(id, ExpectedVersion.fromForm(version), PatchDocument.of(body));
			redirect.addFlashAttribute(Forms.MESSAGE, done.next() == null ? forms.message("activity.done")
					: forms.message("activity.done.next", done.next().typeName(), done.next().summary(),
							formats.date(done.next().dueDate())));
		});
	}

	@PostMapping("/{id}/reschedule")
	String reschedule(@PathVariable long id, @RequestParam(required = false) @Nullable Long version, @RequestParam String dueDate,
			@RequestParam(defaultValue = "/activities/today") String back, RedirectAttributes redirect) {
		var body = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
		body.put("dueDate", dueDate);
		return forms.andBack(safe(back), redirect, null,
				() -> activities.update(id, ExpectedVersion.fromForm(version), PatchDocument.of(body)));
	}

	@GetMapping("/{id}/handover-form")
	String handOverForm(@PathVariable long id, Model model) {
		model.addAttribute("activity", activities.get(id));
		model.addAttribute("colleagues", colleagues());
		model.addAttribute("teams", teams.map(HandoverTeams::active).orElse(Map.of()));
		return "activities/handover :: form";
	}

	@PostMapping("/{id}/handover")
	String handOver(@PathVariable long id, @RequestParam(required = false) @Nullable Long version, @RequestParam MultiValueMap<String, String> submitted,
			@RequestParam(defaultValue = "/activities/today") String back, RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, Set.of("assigneeId", "note"), Set.of());
		var body = form.toJson(true, Set.of());
		// The select offers people by id and teams as "team:<id>".
		String chosen = form.value("assigneeId");
		if (chosen.startsWith("team:")) {
			body.remove("assigneeId");
			body.put("teamId", chosen.substring("team:".length()));
		}
		return forms.andBack(safe(back), redirect, null,
				() -> activities.handOver(id, ExpectedVersion.fromForm(version), PatchDocument.of(body)));
	}

	/** The activities panel of a record's page, loaded by htmx. */
	@GetMapping("/of/{subjectType}/{subjectId}")
	String panel(@PathVariable String subjectType, @PathVariable long subjectId, Model model) {
		ActivitySubjects kind = subjects.named(subjectType);
		model.addAttribute("activities", activities.ofSubject(kind.type(), subjectId));
		model.addAttribute("types", types.list().stream().filter(ActivityTypes.ActivityType::active).toList());
		model.addAttribute("subjectType", kind.type());
		model.addAttribute("subjectId", subjectId);
		model.addAttribute("subjectLink", kind.link(subjectId));
		model.addAttribute("today", activities.today());
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
				() -> activities.plan(PatchDocument.of(form.toJson(true, Set.of()))));
	}

	/** Only a path of this application: a link from elsewhere must not turn a form into a redirect off-site. */
	private static String safe(String back) {
		return back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back : "/activities/today";
	}

	private List<UserSummary> colleagues() {
		var people = new LinkedHashMap<Long, UserSummary>();
		for (Role role : Role.internal()) {
			users.activeWithRole(role).forEach(u -> people.putIfAbsent(u.id(), u));
		}
		long me = currentUsers.get().id();
		return people.values().stream().filter(u -> u.id() != me)
			.sorted(java.util.Comparator.comparing(UserSummary::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
	}

	private static List<ActivityRow> concat(List<ActivityRow> a, List<ActivityRow> b) {
		return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
	}
}
