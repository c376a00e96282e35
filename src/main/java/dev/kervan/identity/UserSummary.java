package dev.kervan.identity;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What other modules may know about a user.
 */
public record UserSummary(long id, String username, String displayName, @Nullable String email, Locale language,
		boolean active, Set<Role> roles) {

	public UserSummary {
		roles = Set.copyOf(roles);
	}
}
