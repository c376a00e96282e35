package dev.kervan.identity;

import java.util.List;
import java.util.Optional;

/**
 * What other modules may ask about users: who someone is, and who holds a role (to offer them as
 * salesperson, technician…).
 */
public interface Users {

	Optional<UserSummary> find(long id);

	/** Active users holding the role, by name. */
	List<UserSummary> activeWithRole(Role role);
}
