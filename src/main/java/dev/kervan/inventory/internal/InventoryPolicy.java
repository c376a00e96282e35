package dev.kervan.inventory.internal;

import dev.kervan.identity.CurrentUser;
import dev.kervan.identity.CurrentUsers;
import dev.kervan.identity.Role;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import org.springframework.stereotype.Component;

/**
 * Who may do what with stock. Every member of staff sees it; the warehouse moves it and keeps warehouses;
 * salespeople and the warehouse reserve it. Portal users see none of it.
 */
@Component
public class InventoryPolicy {

	private final CurrentUsers users;

	InventoryPolicy(CurrentUsers users) {
		this.users = users;
	}

	public CurrentUser requireReader() {
		CurrentUser user = users.get();
		if (!user.isStaff()) {
			throw forbidden();
		}
		return user;
	}

	public CurrentUser requireWarehouse() {
		CurrentUser user = users.get();
		if (!user.has(Role.WAREHOUSE)) {
			throw forbidden();
		}
		return user;
	}

	public CurrentUser requireReserver() {
		CurrentUser user = users.get();
		if (!user.hasAny(Role.WAREHOUSE, Role.SALESPERSON)) {
			throw forbidden();
		}
		return user;
	}

	public boolean mayMoveStock() {
		return users.find().filter(u -> u.has(Role.WAREHOUSE)).isPresent();
	}

	public boolean mayReserve() {
		return users.find().filter(u -> u.hasAny(Role.WAREHOUSE, Role.SALESPERSON)).isPresent();
	}

	static DomainException forbidden() {
		return new DomainException(ErrorKind.FORBIDDEN, "error.inventory.forbidden");
	}
}
