package dev.kervan.identity;

import java.util.Set;

import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;

/**
 * The person (or API token's user) behind the current request, with every role they hold directly or through
 * another role (an administrator holds them all, a sales manager also acts as a salesperson).
 * <p>
 * The role checks of every module are made here ({@link #require}, {@link #requireStaff}): a refusal is a
 * {@link DomainException} of kind {@link ErrorKind#FORBIDDEN} (403) thrown before anything changes. Module policies
 * name their role rules with these and keep the rules about records ("a salesperson changes their own accounts").
 */
public record CurrentUser(long id, String username, String displayName, Set<Role> roles) {

	/** The refusal of a role check without a message of its module's own. */
	public static final String FORBIDDEN = "error.forbidden";

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

	/** This user, when they hold one of the roles; otherwise refused with {@value #FORBIDDEN}. */
	public CurrentUser require(Role... candidates) {
		return require(FORBIDDEN, candidates);
	}

	/**
	 * This user, when they hold one of the roles; otherwise refused with the message code given, the module's own
	 * ({@code error.catalog.forbidden}).
	 */
	public CurrentUser require(String refusal, Role... candidates) {
		return allowedIf(hasAny(candidates), refusal);
	}

	/** This user, when they are staff ({@link #isStaff()}); otherwise refused with the message code given. */
	public CurrentUser requireStaff(String refusal) {
		return allowedIf(isStaff(), refusal);
	}

	private CurrentUser allowedIf(boolean allowed, String refusal) {
		if (!allowed) {
			throw new DomainException(ErrorKind.FORBIDDEN, refusal);
		}
		return this;
	}
}
