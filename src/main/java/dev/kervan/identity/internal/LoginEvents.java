package dev.kervan.identity.internal;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Counts login failures and clears them after a success, whichever door (form or API) was used. */
@Component
class LoginEvents {

	private final LoginThrottle throttle;

	LoginEvents(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		throttle.recordFailure(event.getAuthentication().getName(), address(event.getAuthentication()));
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		throttle.recordSuccess(event.getAuthentication().getName());
	}

	private static String address(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
				? details.getRemoteAddress() : "unknown";
	}
}
