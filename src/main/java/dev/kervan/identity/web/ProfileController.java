package dev.kervan.identity.web;

import java.util.List;

import dev.kervan.identity.internal.ApiTokens;
import dev.kervan.identity.internal.KervanPrincipal;
import dev.kervan.identity.internal.UserAccount;
import dev.kervan.identity.internal.UserAdministration;
import dev.kervan.identity.internal.UserAdministration.Keeping;
import dev.kervan.identity.internal.UserAdministration.UserChanges;
import dev.kervan.platform.DisplayCalendar;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.Forms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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

	private final UserAdministration administration;
	private final ApiTokens tokens;
	private final LocaleResolver locales;

	ProfileController(UserAdministration administration, ApiTokens tokens, LocaleResolver locales) {
		this.administration = administration;
		this.tokens = tokens;
		this.locales = locales;
	}

	@ModelAttribute("calendars")
	List<DisplayCalendar> calendars() {
		return List.of(DisplayCalendar.values());
	}

	@GetMapping
	String show(@AuthenticationPrincipal KervanPrincipal me, Model model) {
		UserAccount user = administration.get(me.id());
		model.addAttribute("user", user);
		if (!model.containsAttribute("userForm")) {
			model.addAttribute("userForm", UserForm.of(user));
		}
		model.addAttribute("tokens", tokens.list(me.id()));
		return "identity/profile";
	}

	@PostMapping
	String update(@AuthenticationPrincipal KervanPrincipal me, @ModelAttribute("userForm") UserForm form,
			BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response) {
		try {
			UserAccount user = administration.update(me.id(), ExpectedVersion.fromForm(form.getVersion()),
					new UserChanges(form.getDisplayName(), form.getEmail() == null ? "" : form.getEmail(),
							form.getLanguage(), form.getCalendar(), null, null));
			locales.setLocale(request, response, user.language());
			request.getSession().setAttribute(DisplayCalendar.SESSION_ATTRIBUTE, user.calendar());
			return "redirect:/profile?saved";
		}
		catch (DomainException refusal) {
			Forms.reject(refusal, result);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(me, model);
		}
	}

	@PostMapping("/password")
	String changePassword(@AuthenticationPrincipal KervanPrincipal me,
			@RequestParam(required = false) @Nullable String currentPassword,
			@RequestParam(required = false) @Nullable String newPassword, HttpSession session, RedirectAttributes redirect) {
		try {
			administration.changeOwnPassword(me.id(), currentPassword, newPassword, Keeping.session(session.getId()));
			redirect.addFlashAttribute("notice", "profile.password.changed");
		}
		catch (DomainException refusal) {
			var violation = refusal.violations().isEmpty() ? null : refusal.violations().getFirst();
			redirect.addFlashAttribute("passwordErrorField", violation == null ? "" : violation.field());
			redirect.addFlashAttribute("passwordError", violation == null ? refusal.messageCode() : violation.messageCode());
			redirect.addFlashAttribute("passwordErrorArgs", violation == null ? refusal.arguments() : violation.arguments());
		}
		return "redirect:/profile#password";
	}

	@PostMapping("/tokens")
	String issueToken(@AuthenticationPrincipal KervanPrincipal me, @RequestParam(required = false) @Nullable String name,
			RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("newToken", tokens.issue(me.id(), name).token());
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("error", refusal.messageCode());
			redirect.addFlashAttribute("errorArgs", refusal.arguments());
		}
		return "redirect:/profile#tokens";
	}

	@PostMapping("/tokens/{id}/revoke")
	String revokeToken(@AuthenticationPrincipal KervanPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
		tokens.revoke(me.id(), id);
		redirect.addFlashAttribute("notice", "profile.token.revoked");
		return "redirect:/profile#tokens";
	}
}
