package dev.kervan.identity.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.kervan.identity.Role;
import dev.kervan.identity.internal.UserAdministration;
import dev.kervan.identity.internal.UserAdministration.NewUser;
import dev.kervan.identity.internal.UserAdministration.UserChange;
import dev.kervan.identity.internal.UserQueries;
import dev.kervan.identity.internal.UserQueries.Filter;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.FormState;
import dev.kervan.platform.Forms;
import dev.kervan.platform.ListLinks;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.TableExport;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' pages for users: list, create, edit, deactivate, reset passwords, history.
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UserAdminController {

	private static final Set<String> NEW_USER_FIELDS = Set.of("username", "displayName", "email", "language", "calendar",
			"roles");

	private final UserAdministration administration;
	private final UserQueries queries;
	private final UserFormOptions options;
	private final Forms forms;

	UserAdminController(UserAdministration administration, UserQueries queries, UserFormOptions options, Forms forms) {
		this.administration = administration;
		this.queries = queries;
		this.options = options;
		this.forms = forms;
	}

	/** The forms' and the filter bar's choices, as a model attribute: fragment parameters may not reach beans. */
	@ModelAttribute("options")
	UserFormOptions options() {
		return options;
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Role role,
			@RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		var filter = new Filter(q, role, status);
		String order = UserQueries.Sort.of(sort).name().toLowerCase(Locale.ROOT);
		model.addAttribute("page", queries.page(filter, UserQueries.Sort.of(sort), cursor, PageLimit.of(null)));
		model.addAttribute("links", ListLinks.to("/admin/users").exportedAt("/admin/users/export").with("q", q)
			.with("role", role).with("status", status).with("sort", order).at(cursor));
		return "identity/users";
	}

	/** The list alone, for the filter bar. */
	@HxRequest(target = "user-list")
	@GetMapping
	String listOnly(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Role role,
			@RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		list(q, role, status, sort, cursor, model);
		return "identity/users :: user-list";
	}

	@GetMapping("/export")
	void export(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Role role,
			@RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String format, HttpServletResponse response) throws IOException {
		var exportFormat = TableExport.Format.of(format);
		var filter = new Filter(q, role, status);
		var order = UserQueries.Sort.of(sort);
		TableExport.startDownload(response, exportFormat, "users");
		List<String> headers = List.of(forms.message("user.username"), forms.message("user.displayName"),
				forms.message("user.email"), forms.message("user.language"), forms.message("user.roles"),
				forms.message("user.status"), forms.message("user.createdAt"));
		TableExport.write(exportFormat, response.getOutputStream(), forms.message("menu.users"), headers,
				rows -> queries.forEach(filter, order, user -> rows.add(List.of(user.username(), user.displayName(),
						user.email() == null ? "" : user.email(), user.language(),
						String.join(", ", user.roles().stream().map(r -> forms.message("role." + r.name())).toList()),
						forms.message(user.active() ? "user.status.active" : "user.status.inactive"),
						user.createdAt()))));
	}

	@GetMapping("/new")
	String newUser(Model model) {
		model.addAttribute("form", FormState.of(java.util.Map.of("language", "en", "calendar", "GREGORIAN"))
			.showing(NEW_USER_FIELDS).withPlainIds());
		return "identity/user-new";
	}

	/** Binding errors (a role that does not exist) leave the field empty, and the rules then refuse it. */
	@PostMapping
	String create(@ModelAttribute("userForm") UserForm form, BindingResult binding,
			@RequestParam MultiValueMap<String, String> submitted, Model model) {
		return forms.submit(UserForm.stateOf(submitted, NEW_USER_FIELDS), model, () -> "redirect:/admin/users/"
				+ administration.create(new NewUser(form.getUsername(), form.getDisplayName(), form.getEmail(),
						form.getLanguage(), form.getCalendar(), form.getRoles(), form.getPassword())).id() + "?created",
				() -> "identity/user-new");
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("form", UserForm.stateOf(administration.get(id)));
		return userPage(id, model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("userForm") UserForm form, BindingResult binding,
			@RequestParam MultiValueMap<String, String> submitted, Model model) {
		return forms.submit(UserForm.stateOf(submitted, UserForm.FIELDS), model, () -> {
			administration.update(id, ExpectedVersion.fromForm(form.getVersion()), UserChange.ofForm(form.getDisplayName(),
					form.getEmail() == null ? "" : form.getEmail(), form.getLanguage(), form.getCalendar(), form.getRoles(),
					null));
			return "redirect:/admin/users/" + id + "?saved";
		}, () -> userPage(id, model));
	}

	private String userPage(long id, Model model) {
		var user = administration.get(id);
		model.addAttribute("user", user);
		model.addAttribute("version", model.containsAttribute("userForm")
				? ((UserForm) model.getAttribute("userForm")).getVersion() : user.version());
		model.addAttribute("history", administration.readableHistory(id));
		return "identity/user";
	}

	@PostMapping("/{id}/deactivate")
	String deactivate(@PathVariable long id, @RequestParam(required = false) @Nullable Long version, RedirectAttributes redirect) {
		return changeActive(id, version, false, redirect);
	}

	@PostMapping("/{id}/activate")
	String activate(@PathVariable long id, @RequestParam(required = false) @Nullable Long version, RedirectAttributes redirect) {
		return changeActive(id, version, true, redirect);
	}

	@PostMapping("/{id}/password")
	String setPassword(@PathVariable long id, @RequestParam(required = false) @Nullable String password,
			RedirectAttributes redirect) {
		return forms.andBack("/admin/users/" + id, redirect, "user.password.set", Forms.WITHOUT_NAMES,
				() -> administration.setPassword(id, password));
	}

	private String changeActive(long id, @Nullable Long version, boolean active, RedirectAttributes redirect) {
		return forms.andBack("/admin/users/" + id, redirect, active ? "user.activated" : "user.deactivated",
				() -> administration.update(id, ExpectedVersion.fromForm(version),
						UserChange.ofForm(null, null, null, null, null, active)));
	}
}
