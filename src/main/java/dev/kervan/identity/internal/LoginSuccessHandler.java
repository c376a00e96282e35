package dev.kervan.identity.internal;

import java.io.IOException;
import java.net.URI;

import dev.kervan.identity.Role;
import dev.kervan.platform.DisplayCalendar;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.servlet.LocaleResolver;

/**
 * After login, the user sees Kervan in their own language and calendar, on the page they first asked for (staff
 * otherwise on the start page, portal users on their profile). The address is sent as a path only: the saved
 * request's full address was built from the request's {@code Host} header, which the client chooses.
 */
class LoginSuccessHandler extends SimpleUrlAuthenticationSuccessHandler {

	private final LocaleResolver locales;
	private final RequestCache requestCache;

	LoginSuccessHandler(LocaleResolver locales, RequestCache requestCache) {
		this.locales = locales;
		this.requestCache = requestCache;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		String target = "/";
		if (authentication.getPrincipal() instanceof KervanPrincipal principal) {
			locales.setLocale(request, response, principal.language());
			request.getSession().setAttribute(DisplayCalendar.SESSION_ATTRIBUTE, principal.calendar());
			if (principal.roles().stream().allMatch(role -> role == Role.PORTAL)) {
				target = "/portal";
			}
		}
		SavedRequest saved = requestCache.getRequest(request, response);
		requestCache.removeRequest(request, response);
		clearAuthenticationAttributes(request);
		String asked = saved == null ? null : pathOf(saved.getRedirectUrl());
		getRedirectStrategy().sendRedirect(request, response, asked == null ? target : asked);
	}

	/** The path and query of an address, if it is a path on this server. */
	private static @Nullable String pathOf(String address) {
		try {
			URI uri = URI.create(address);
			String path = uri.getRawPath();
			if (path == null || !path.startsWith("/") || path.startsWith("//")) {
				return null;
			}
			return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
