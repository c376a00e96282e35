package dev.kervan.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Keeps the CSRF token of a visitor without a session in a cookie, so that showing the login page, the public
 * form or an error page stores no session (a row in PostgreSQL, kept for hours); once logged in, the token lives
 * in the session as usual. At login the cookie's token is cleared and the session gets a new one.
 */
final class SessionOrCookieCsrfTokenRepository implements CsrfTokenRepository {

	static final String COOKIE = "kervan-csrf";
	/** Pages send the token in the same header whichever place keeps it (kervan.js reads it from the page). */
	private static final String HEADER = "X-CSRF-TOKEN";

	private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();
	private final CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();

	SessionOrCookieCsrfTokenRepository() {
		sessions.setHeaderName(HEADER);
		cookies.setHeaderName(HEADER);
		cookies.setCookieName(COOKIE);
		cookies.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return hasSession(request) ? sessions.generateToken(request) : cookies.generateToken(request);
	}

	@Override
	public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (hasSession(request)) {
			sessions.saveToken(token, request, response);
		}
		else {
			cookies.saveToken(token, request, response);
		}
	}

	@Override
	public @Nullable CsrfToken loadToken(HttpServletRequest request) {
		return hasSession(request) ? sessions.loadToken(request) : cookies.loadToken(request);
	}

	private static boolean hasSession(HttpServletRequest request) {
		return request.getSession(false) != null;
	}
}
