package dev.kervan.inventory.internal;

import dev.kervan.identity.CurrentUser;
import dev.kervan.identity.CurrentUsers;
import dev.kervan.identity.Role;
import org.springframework.stereotype.Component;

/**
 * Who may do what with stock. Every member of staff sees it; the warehouse moves it and keeps warehouses;
 * salespeople and the warehouse reserve it. Portal users see none of it.
 */
@Component
public class InventoryPolicy {

	private static final String REFUSAL = "error.inventory.forbidden";

	private static final Role[] MOVERS = { Role.WAREHOUSE };
	private static final Role[] RESERVERS = { Role.WAREHOUSE, Role.SALESPERSON };

	private final CurrentUsers users;

	InventoryPolicy(CurrentUsers users) {
		this.users = users;
	}

	public CurrentUser requireReader() {
		return users.get().requireStaff(REFUSAL);
	}

	public CurrentUser requireWarehouse() {
		return users.get().require(REFUSAL, MOVERS);
	}

	public CurrentUser requireReserver() {
		return users.get().require(REFUSAL, RESERVERS);
	}

	public boolean mayMoveStock() {
		return users.holdsAny(MOVERS);
	}

	public boolean mayReserve() {
		return users.holdsAny(RESERVERS);
	}
}
