package dev.kervan.identity.internal;

import java.io.IOException;

import dev.kervan.platform.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls by {@code Authorization: Bearer <token>}. A call without a token goes on as
 * anonymous (and is refused later where login is needed); a call with a wrong, expired or revoked token is
 * refused here with 401.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

	private static final String BEARER = "bearer ";

	private final ApiTokens tokens;
	private final Problems problems;

	ApiTokenAuthenticationFilter(ApiTokens tokens, Problems problems) {
		this.tokens = tokens;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || header.isBlank()) {
			chain.doFilter(request, response);
			return;
		}
		if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			refuse(request, response);
			return;
		}
		var presented = tokens.authenticate(header.substring(BEARER.length()).strip());
		if (presented.isEmpty()) {
			refuse(request, response);
			return;
		}
		KervanPrincipal principal = presented.get().principal();
		var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
		authentication.setDetails(new ApiTokens.TokenDetails(presented.get().tokenId()));
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
		problems.write(request, response, problems.of(401, "error.token.invalid"));
	}
}
