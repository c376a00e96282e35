package dev.kervan.catalog.internal;

import dev.kervan.identity.CurrentUser;
import dev.kervan.identity.CurrentUsers;
import dev.kervan.identity.Role;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import org.springframework.stereotype.Component;

/**
 * Who may do what with the catalog. Every member of staff reads it. Products, their categories, units and
 * attributes are kept by sales managers, purchasing and the warehouse; suppliers and their prices by purchasing;
 * price lists and competitors' prices by sales managers; salespeople and marketing mail the catalogue and price
 * lists to customers. Administrators may do all of it. Portal users see none of it.
 */
@Component
public class CatalogPolicy {

	private final CurrentUsers users;

	CatalogPolicy(CurrentUsers users) {
		this.users = users;
	}

	public CurrentUser requireReader() {
		CurrentUser user = users.get();
		if (!user.isStaff()) {
			throw forbidden();
		}
		return user;
	}

	public CurrentUser requireProductEditor() {
		return require(Role.SALES_MANAGER, Role.PURCHASING, Role.WAREHOUSE);
	}

	public CurrentUser requireSupplierEditor() {
		return require(Role.PURCHASING);
	}

	public CurrentUser requirePriceEditor() {
		return require(Role.SALES_MANAGER);
	}

	/**
	 * Mailing the catalogue or a price list to an outside address is for the people who deal with customers:
	 * salespeople and marketing. Others print it.
	 */
	public CurrentUser requireDocumentSender() {
		return require(Role.SALESPERSON, Role.MARKETING);
	}

	public boolean mayEditProducts() {
		return users.find().filter(u -> u.hasAny(Role.SALES_MANAGER, Role.PURCHASING, Role.WAREHOUSE)).isPresent();
	}

	public boolean mayEditSuppliers() {
		return users.find().filter(u -> u.has(Role.PURCHASING)).isPresent();
	}

	public boolean mayEditPrices() {
		return users.find().filter(u -> u.has(Role.SALES_MANAGER)).isPresent();
	}

	private CurrentUser require(Role... roles) {
		CurrentUser user = users.get();
		if (!user.hasAny(roles)) {
			throw forbidden();
		}
		return user;
	}

	static DomainException forbidden() {
		return new DomainException(ErrorKind.FORBIDDEN, "error.catalog.forbidden");
	}
}
