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

	private static final String REFUSAL = "error.customer.forbidden";

	private static final Role[] FINANCE_EDITORS = { Role.ACCOUNTANT, Role.SALES_MANAGER };

	private final CurrentUsers users;

	CustomerPolicy(CurrentUsers users) {
		this.users = users;
	}

	public CurrentUser requireReader() {
		return users.get().requireStaff(REFUSAL);
	}

	public CurrentUser requireCreator() {
		return users.get().require(REFUSAL, Role.SALESPERSON);
	}

	public boolean mayEdit(CurrentUser user, Customer customer) {
		return user.has(Role.SALES_MANAGER)
				|| (user.has(Role.SALESPERSON) && customer.salesperson != null && customer.salesperson == user.id());
	}

	public boolean mayEditFinance(CurrentUser user) {
		return user.hasAny(FINANCE_EDITORS);
	}

	public void requireEdit(CurrentUser user, Customer customer) {
		if (!mayEdit(user, customer)) {
			throw new DomainException(ErrorKind.FORBIDDEN, REFUSAL);
		}
	}

	public void requireFinance(CurrentUser user) {
		user.require(REFUSAL, FINANCE_EDITORS);
	}
}
