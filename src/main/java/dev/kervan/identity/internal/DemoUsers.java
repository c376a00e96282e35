package dev.kervan.identity.internal;

import java.util.List;
import java.util.Set;

import dev.kervan.identity.Role;
import dev.kervan.identity.internal.UserAdministration.NewUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With {@code --demo}: a small company's staff, one or two people per role, to try Kervan with. All share
 * the password {@value #PASSWORD}; users that already exist are left alone.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("kervan.demo")
class DemoUsers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);
	static final String PASSWORD = "kervan-demo-2026";

	private static final List<NewUser> STAFF = List.of(
			user("ayse.yilmaz", "Ayşe Yılmaz", "tr", Role.SALES_MANAGER),
			user("mehmet.demir", "Mehmet Demir", "tr", Role.SALESPERSON),
			user("zeynep.kaya", "Zeynep Kaya", "tr", Role.SALESPERSON),
			user("sara.ahmadi", "سارا احمدی", "fa", Role.SALESPERSON),
			user("ali.rezaei", "علی رضایی", "fa", Role.MARKETING),
			user("elif.sahin", "Elif Şahin", "tr", Role.ACCOUNTANT),
			user("murat.celik", "Murat Çelik", "tr", Role.WAREHOUSE),
			user("fatemeh.karimi", "فاطمه کریمی", "fa", Role.PURCHASING),
			user("emre.ozturk", "Emre Öztürk", "tr", Role.SERVICE_MANAGER),
			user("reza.hosseini", "رضا حسینی", "fa", Role.TECHNICIAN),
			user("john.miller", "John Miller", "en", Role.SALESPERSON));

	private final UserAccounts users;
	private final UserAdministration administration;

	DemoUsers(UserAccounts users, UserAdministration administration) {
		this.users = users;
		this.administration = administration;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		int created = 0;
		for (NewUser user : STAFF) {
			if (!users.usernameTaken(user.username())) {
				administration.create(user);
				created++;
			}
		}
		log.info("Demo data: {} users created; each logs in with the password '{}'", created, PASSWORD);
	}

	private static NewUser user(String username, String name, String language, Role role) {
		return new NewUser(username, name, username + "@demo.kervan.dev", language, null, Set.of(role), PASSWORD);
	}
}
