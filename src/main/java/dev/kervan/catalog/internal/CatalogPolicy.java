package dev.kervan.catalog.internal;

import dev.kervan.identity.CurrentUser;
import dev.kervan.identity.CurrentUsers;
import dev.kervan.identity.Role;
import org.springframework.stereotype.Component;

/**
 * Who may do what with the catalog. Every member of staff reads it. Products, their categories, units and
 * attributes are kept by sales managers, purchasing and the warehouse; suppliers and their prices by purchasing;
 * price lists and competitors' prices by sales managers; salespeople and marketing mail the catalogue and price
 * lists to customers. Administrators may do all of it. Portal users see none of it.
 */
@Component
public class CatalogPolicy {

	private static final String REFUSAL = "error.catalog.forbidden";

	private static final Role[] PRODUCT_EDITORS = { Role.SALES_MANAGER, Role.PURCHASING, Role.WAREHOUSE };
	private static final Role[] SUPPLIER_EDITORS = { Role.PURCHASING };
	private static final Role[] PRICE_EDITORS = { Role.SALES_MANAGER };

	/**
	 * Mailing the catalogue or a price list to an outside address is for the people who deal with customers:
	 * salespeople and marketing. Others print it.
	 */
	private static final Role[] DOCUMENT_SENDERS = { Role.SALESPERSON, Role.MARKETING };

	private final CurrentUsers users;

	CatalogPolicy(CurrentUsers users) {
		this.users = users;
	}

	public CurrentUser requireReader() {
		return users.get().requireStaff(REFUSAL);
	}

	public CurrentUser requireProductEditor() {
		return users.get().require(REFUSAL, PRODUCT_EDITORS);
	}

	public CurrentUser requireSupplierEditor() {
		return users.get().require(REFUSAL, SUPPLIER_EDITORS);
	}

	public CurrentUser requirePriceEditor() {
		return users.get().require(REFUSAL, PRICE_EDITORS);
	}

	public CurrentUser requireDocumentSender() {
		return users.get().require(REFUSAL, DOCUMENT_SENDERS);
	}

	public boolean mayEditProducts() {
		return users.holdsAny(PRODUCT_EDITORS);
	}

	public boolean mayEditSuppliers() {
		return users.holdsAny(SUPPLIER_EDITORS);
	}

	public boolean mayEditPrices() {
		return users.holdsAny(PRICE_EDITORS);
	}
}
