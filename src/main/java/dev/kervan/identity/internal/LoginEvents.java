package dev.kervan.identity.internal;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Tells the throttle about a successful login, whichever door (form or API) was used. Failures need no telling:
 * every attempt was counted before its password was checked.
 */
@Component
class LoginEvents {

	private final LoginThrottle throttle;

	LoginEvents(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		throttle.succeeded(event.getAuthentication().getName(), address(event.getAuthentication()));
	}

	private static String address(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
				? details.getRemoteAddress() : "unknown";
	}
}
