package dev.kervan.identity;

import java.util.Set;

/**
 * The person (or API token's user) behind the current request, with every role they hold directly or through
 * another role (an administrator holds them all, a sales manager also acts as a salesperson).
 */
public record CurrentUser(long id, String username, String displayName, Set<Role> roles) {

	public CurrentUser {
		roles = Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	/** Whether the user is one of the company's own staff (any role but the customer portal's). */
	public boolean isStaff() {
		return roles.stream().anyMatch(role -> role != Role.PORTAL);
	}

	public boolean hasAny(Role... candidates) {
		for (Role role : candidates) {
			if (roles.contains(role)) {
				return true;
			}
		}
		return false;
	}
}
