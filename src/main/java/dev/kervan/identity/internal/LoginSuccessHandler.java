package dev.kervan.identity.internal;

import java.io.IOException;

import dev.kervan.platform.DisplayCalendar;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.servlet.LocaleResolver;

/** After login, the user sees Kervan in their own language and calendar, on the page they first asked for. */
class LoginSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	private final LocaleResolver locales;

	LoginSuccessHandler(LocaleResolver locales) {
		this.locales = locales;
		setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		if (authentication.getPrincipal() instanceof KervanPrincipal principal) {
			locales.setLocale(request, response, principal.language());
			request.getSession().setAttribute(DisplayCalendar.SESSION_ATTRIBUTE, principal.calendar());
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}
}
