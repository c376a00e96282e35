package dev.kervan.identity.internal;

import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.InvalidInputException;
import dev.kervan.platform.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Service;

/**
 * The API's way in: user name and password for a token, under the same throttling as the login form.
 */
@Service
public class TokenLogin {

	private final AuthenticationManager authentication;
	private final LoginThrottle throttle;
	private final ApiTokens tokens;

	TokenLogin(AuthenticationManager authentication, LoginThrottle throttle, ApiTokens tokens) {
		this.authentication = authentication;
		this.throttle = throttle;
		this.tokens = tokens;
	}

	public ApiTokens.IssuedToken logIn(@Nullable String username, @Nullable String password, @Nullable String name,
			HttpServletRequest request) {
		if (username == null || username.isBlank()) {
			throw InvalidInputException.of("username", "error.value.required");
		}
		if (password == null || password.isEmpty()) {
			throw InvalidInputException.of("password", "error.value.required");
		}
		throttle.attempt(username, request.getRemoteAddr()).ifPresent(wait -> {
			throw new TooManyRequestsException("error.login.throttled", wait);
		});
		var attempt = UsernamePasswordAuthenticationToken.unauthenticated(username.strip(), password);
		attempt.setDetails(new WebAuthenticationDetails(request));
		KervanPrincipal principal;
		try {
			principal = (KervanPrincipal) authentication.authenticate(attempt).getPrincipal();
		}
		catch (AuthenticationException failure) {
			throw new LoginFailedException();
		}
		return tokens.issue(principal.id(), name);
	}

	/** Wrong user name or password, or an inactive user: told apart to nobody. */
	static class LoginFailedException extends DomainException {
		LoginFailedException() {
			super(ErrorKind.UNAUTHENTICATED, "error.login.failed");
		}
	}
}
