package dev.kervan.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a user does in the company, which decides what they may see and change. A user may hold several
 * roles. {@link #PORTAL} users are customers' people and hold no other role.
 */
public enum Role {

	/** Runs the system: users, settings; may do everything the other internal roles may. */
	ADMIN,
	/** Leads the sales teams; may do everything a salesperson may, for every team. */
	SALES_MANAGER,
	SALESPERSON,
	MARKETING,
	ACCOUNTANT,
	WAREHOUSE,
	PURCHASING,
	/** Leads after-sales service; may do everything a technician may. */
	SERVICE_MANAGER,
	TECHNICIAN,
	/** A customer's person using the customer portal. */
	PORTAL;

	/** Every role of the company's own staff. */
	public static List<Role> internal() {
		return Arrays.stream(values()).filter(r -> r != PORTAL).toList();
	}

	/**
	 * The roles whose holders may do this role's work: a sales manager may be an opportunity's salesperson, a service
	 * manager a job's technician.
	 */
	public Set<Role> heldBy() {
		return switch (this) {
			case SALESPERSON -> EnumSet.of(SALESPERSON, SALES_MANAGER);
			case TECHNICIAN -> EnumSet.of(TECHNICIAN, SERVICE_MANAGER);
			default -> EnumSet.of(this);
		};
	}

	/** The authority Spring Security checks, e.g. {@code ROLE_ADMIN}. */
	public String authority() {
		return "ROLE_" + name();
	}
}
