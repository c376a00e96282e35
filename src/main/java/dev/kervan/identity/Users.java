package dev.kervan.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What other modules may ask about users: who someone is, and who holds a role (to offer them as
 * salesperson, technician…).
 */
public interface Users {

	Optional<UserSummary> find(long id);

	/** The display names of the given users, in one look-up. */
	Map<Long, String> names(Collection<Long> ids);

	/** Active users holding the role, by name. */
	List<UserSummary> activeWithRole(Role role);
}
