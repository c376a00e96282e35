package dev.kervan.identity.web;

import java.io.IOException;
import java.util.List;

import dev.kervan.identity.Role;
import dev.kervan.identity.internal.UserAccount;
import dev.kervan.identity.internal.UserAdministration;
import dev.kervan.identity.internal.UserAdministration.NewUser;
import dev.kervan.identity.internal.UserAdministration.UserChanges;
import dev.kervan.identity.internal.UserQueries;
import dev.kervan.identity.internal.UserQueries.Filter;
import dev.kervan.platform.DisplayCalendar;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.Forms;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.Problems;
import dev.kervan.platform.TableExport;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
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

	private final UserAdministration administration;
	private final UserQueries queries;
	private final Problems problems;

	UserAdminController(UserAdministration administration, UserQueries queries, Problems problems) {
		this.administration = administration;
		this.queries = queries;
		this.problems = problems;
	}

	@ModelAttribute("allRoles")
	List<Role> allRoles() {
		return List.of(Role.values());
	}

	@ModelAttribute("calendars")
	List<DisplayCalendar> calendars() {
		return List.of(DisplayCalendar.values());
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Role role,
			@RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestHeader(name = "HX-Target", required = false) @Nullable String htmxTarget, Model model) {
		var filter = new Filter(q, role, status);
		var order = UserQueries.Sort.of(sort);
		model.addAttribute("filter", filter);
		model.addAttribute("sort", order.name().toLowerCase(java.util.Locale.ROOT));
		model.addAttribute("page", queries.page(filter, order, cursor, PageLimit.of(null)));
		model.addAttribute("firstPage", cursor == null || cursor.isBlank());
		return "user-list".equals(htmxTarget) ? "identity/users :: user-list" : "identity/users";
	}

	@GetMapping("/export")
	void export(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Role role,
			@RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String format, HttpServletResponse response) throws IOException {
		var exportFormat = TableExport.Format.of(format);
		var filter = new Filter(q, role, status);
		var order = UserQueries.Sort.of(sort);
		TableExport.startDownload(response, exportFormat, "users");
		List<String> headers = List.of(problems.message("user.username"), problems.message("user.displayName"),
				problems.message("user.email"), problems.message("user.language"), problems.message("user.roles"),
				problems.message("user.status"), problems.message("user.createdAt"));
		TableExport.write(exportFormat, response.getOutputStream(), problems.message("menu.users"), headers,
				rows -> queries.forEach(filter, order, user -> rows.add(List.of(user.username(), user.displayName(),
						user.email() == null ? "" : user.email(), user.language(),
						String.join(", ", user.roles().stream().map(r -> problems.message("role." + r.name())).toList()),
						problems.message(user.active() ? "user.status.active" : "user.status.inactive"),
						user.createdAt()))));
	}

	@GetMapping("/new")
	String newUser(Model model) {
		model.addAttribute("userForm", new UserForm());
		return "identity/user-new";
	}

	@PostMapping
	String create(@ModelAttribute("userForm") UserForm form, BindingResult result, Model model,
			HttpServletResponse response) {
		try {
			UserAccount user = administration.create(new NewUser(form.getUsername(), form.getDisplayName(),
					form.getEmail(), form.getLanguage(), form.getCalendar(), form.getRoles(), form.getPassword()));
			return "redirect:/admin/users/" + user.id() + "?created";
		}
		catch (DomainException refusal) {
			Forms.reject(refusal, result);
			form.setPassword(null);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "identity/user-new";
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		UserAccount user = administration.get(id);
		model.addAttribute("user", user);
		if (!model.containsAttribute("userForm")) {
			model.addAttribute("userForm", UserForm.of(user));
		}
		model.addAttribute("history", administration.history(id));
		return "identity/user";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("userForm") UserForm form, BindingResult result, Model model,
			HttpServletResponse response) {
		try {
			administration.update(id, ExpectedVersion.fromForm(form.getVersion()), new UserChanges(form.getDisplayName(),
					form.getEmail() == null ? "" : form.getEmail(), form.getLanguage(), form.getCalendar(), form.getRoles(),
					null));
			return "redirect:/admin/users/" + id + "?saved";
		}
		catch (DomainException refusal) {
			Forms.reject(refusal, result);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(id, model);
		}
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
		try {
			administration.setPassword(id, password);
			redirect.addFlashAttribute("notice", "user.password.set");
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("passwordError", refusal.violations().isEmpty() ? refusal.messageCode()
					: refusal.violations().getFirst().messageCode());
			redirect.addFlashAttribute("passwordErrorArgs", refusal.violations().isEmpty() ? refusal.arguments()
					: refusal.violations().getFirst().arguments());
		}
		return "redirect:/admin/users/" + id;
	}

	private String changeActive(long id, @Nullable Long version, boolean active, RedirectAttributes redirect) {
		try {
			administration.update(id, ExpectedVersion.fromForm(version),
					new UserChanges(null, null, null, null, null, active));
			redirect.addFlashAttribute("notice", active ? "user.activated" : "user.deactivated");
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("error", refusal.messageCode());
			redirect.addFlashAttribute("errorArgs", refusal.arguments());
		}
		return "redirect:/admin/users/" + id;
	}
}
