package dev.kervan.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts a login form submission before its password is checked, and refuses it with 429 when its user name or
 * address is over the limit; the password is then never looked at.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	static final String THROTTLED_PAGE = "/login/throttled";

	private final LoginThrottle throttle;

	LoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String username = request.getParameter("username");
		var wait = throttle.attempt(username == null ? "" : username, request.getRemoteAddr());
		if (wait.isPresent()) {
			response.setStatus(429);
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.get().toSeconds())));
			request.getRequestDispatcher(THROTTLED_PAGE).forward(request, response);
			return;
		}
		chain.doFilter(request, response);
	}
}
