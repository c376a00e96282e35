package dev.kervan.customers.internal;

import dev.kervan.identity.CurrentUser;
import dev.kervan.identity.CurrentUsers;
import dev.kervan.identity.Role;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import org.springframework.stereotype.Component;

/**
 * Who may see and change which accounts. All staff read every account. A salesperson changes the accounts
 * assigned to them; sales managers and administrators change all. Credit terms, bank accounts and payment
 * cards are financial data: accountants and sales managers change them, salespeople do not. Customer-portal
 * users see nothing here.
 */
@Component
public class CustomerPolicy {

	private final CurrentUsers users;

	CustomerPolicy(CurrentUsers users) {
		this.users = users;
	}

	public CurrentUser requireReader() {
		CurrentUser user = users.get();
		if (!user.isStaff()) {
			throw forbidden();
		}
		return user;
	}

	public CurrentUser requireCreator() {
		CurrentUser user = users.get();
		if (!user.has(Role.SALESPERSON)) {
			throw forbidden();
		}
		return user;
	}

	public boolean mayEdit(CurrentUser user, Customer customer) {
		return user.has(Role.SALES_MANAGER)
				|| (user.has(Role.SALESPERSON) && customer.salesperson != null && customer.salesperson == user.id());
	}

	public boolean mayEditFinance(CurrentUser user) {
		return user.hasAny(Role.ACCOUNTANT, Role.SALES_MANAGER);
	}

	public void requireEdit(CurrentUser user, Customer customer) {
		if (!mayEdit(user, customer)) {
			throw forbidden();
		}
	}

	public void requireFinance(CurrentUser user) {
		if (!mayEditFinance(user)) {
			throw forbidden();
		}
	}

	private static DomainException forbidden() {
		return new DomainException(ErrorKind.FORBIDDEN, "error.customer.forbidden");
	}
}
