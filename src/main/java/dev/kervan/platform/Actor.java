package dev.kervan.platform;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting in the current request: the principal of a logged-in person or of an API token. The
 * identity module's principal implements it, so the platform can record who did what without knowing users.
 */
public interface Actor {

	long id();

	String username();

	String displayName();

	/** The actor of the current request, if somebody is logged in. */
	static Optional<Actor> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
			return Optional.of(actor);
		}
		return Optional.empty();
	}
}
