package dev.kervan.customers.internal;

import java.util.List;

import dev.kervan.identity.CurrentUser;
import dev.kervan.identity.CurrentUsers;
import dev.kervan.identity.Role;
import dev.kervan.identity.UserSummary;
import dev.kervan.identity.Users;
import dev.kervan.platform.PageModel;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which companies a portal user acts for: those with a contact given portal access whose e-mail address is the
 * user's. A contact without portal access, or an archived account, gives none.
 */
@Component
public class PortalAccounts {

	private final CurrentUsers currentUsers;
	private final Users users;
	private final JdbcClient jdbc;

	PortalAccounts(CurrentUsers currentUsers, Users users, JdbcClient jdbc) {
		this.currentUsers = currentUsers;
		this.users = users;
		this.jdbc = jdbc;
	}

	/** The portal user's start page: who they are and the companies they act for (none until a contact is linked). */
	public record StartPage(String displayName, List<String> companies) implements PageModel {
	}

	public StartPage startPage() {
		CurrentUser user = currentUsers.get().require(Role.PORTAL);
		@Nullable String email = users.find(user.id()).map(UserSummary::email).orElse(null);
		List<String> companies = email == null ? List.of() : jdbc.sql("""
				select distinct c.name from customer_contact k join customer c on c.id = k.customer
				where k.portal_access and lower(k.email) = lower(:email) and c.archived_at is null
				order by c.name""")
			.param("email", email)
			.query(String.class)
			.list();
		return new StartPage(user.displayName(), companies);
	}
}
