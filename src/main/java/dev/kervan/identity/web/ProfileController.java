package dev.kervan.identity.web;


import dev.kervan.identity.internal.ApiTokens;
import dev.kervan.identity.internal.KervanPrincipal;
import dev.kervan.identity.internal.UserAccount;
import dev.kervan.identity.internal.UserAdministration;
import dev.kervan.identity.internal.UserAdministration.Keeping;
import dev.kervan.identity.internal.UserAdministration.UserChange;
import dev.kervan.platform.DisplayCalendar;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.Forms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every user's own page: name, email, language and calendar, password, and API tokens.
 */
@Controller
@RequestMapping("/profile")
class ProfileController {

	private static final java.util.Set<String> FIELDS = java.util.Set.of("displayName", "email", "language", "calendar");

	private final UserAdministration administration;
	private final ApiTokens tokens;
	private final LocaleResolver locales;
	private final UserFormOptions options;
	private final Forms forms;

	ProfileController(UserAdministration administration, ApiTokens tokens, LocaleResolver locales, UserFormOptions options,
			Forms forms) {
		this.administration = administration;
		this.tokens = tokens;
		this.locales = locales;
		this.options = options;
		this.forms = forms;
	}

	/** The form's choices, as a model attribute: fragment parameters may not reach beans. */
	@ModelAttribute("options")
	UserFormOptions options() {
		return options;
	}

	@GetMapping
	String show(@AuthenticationPrincipal KervanPrincipal me, Model model) {
		model.addAttribute("form", UserForm.stateOf(administration.get(me.id())));
		return page(me, null, model);
	}

	@PostMapping
	String update(@AuthenticationPrincipal KervanPrincipal me, @ModelAttribute("userForm") UserForm form, BindingResult binding,
			@RequestParam MultiValueMap<String, String> submitted, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return forms.submit(UserForm.stateOf(submitted, FIELDS), model, () -> {
			UserAccount user = administration.update(me.id(), ExpectedVersion.fromForm(form.getVersion()),
					UserChange.ofForm(form.getDisplayName(), form.getEmail() == null ? "" : form.getEmail(),
							form.getLanguage(), form.getCalendar(), null, null));
			locales.setLocale(request, response, user.language());
			request.getSession().setAttribute(DisplayCalendar.SESSION_ATTRIBUTE, user.calendar());
			return "redirect:/profile?saved";
		}, () -> page(me, form.getVersion(), model));
	}

	private String page(KervanPrincipal me, @Nullable Long version, Model model) {
		UserAccount user = administration.get(me.id());
		model.addAttribute("user", user);
		model.addAttribute("version", version == null ? user.version() : version);
		model.addAttribute("tokens", tokens.list(me.id()));
		return "identity/profile";
	}

	@PostMapping("/password")
	String changePassword(@AuthenticationPrincipal KervanPrincipal me,
			@RequestParam(required = false) @Nullable String currentPassword,
			@RequestParam(required = false) @Nullable String newPassword, HttpSession session, RedirectAttributes redirect) {
		return forms.andBack("/profile#password", redirect, "profile.password.changed", Forms.WITHOUT_NAMES,
				() -> administration.changeOwnPassword(me.id(), currentPassword, newPassword, Keeping.session(session.getId())));
	}

	@PostMapping("/tokens")
	String issueToken(@AuthenticationPrincipal KervanPrincipal me, @RequestParam(required = false) @Nullable String name,
			RedirectAttributes redirect) {
		return forms.andBack("/profile#tokens", redirect, null, Forms.WITHOUT_NAMES,
				() -> redirect.addFlashAttribute("newToken", tokens.issue(me.id(), name).token()));
	}

	@PostMapping("/tokens/{id}/revoke")
	String revokeToken(@AuthenticationPrincipal KervanPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
		return forms.andBack("/profile#tokens", redirect, "profile.token.revoked", () -> tokens.revoke(me.id(), id));
	}
}
