package dev.kervan.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kervan.identity.Role;
import dev.kervan.identity.Users;
import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

class DemoUsersIntegrationTests extends KervanIntegrationTest {

	@Autowired
	private UserAccounts accounts;

	@Autowired
	private UserAdministration administration;

	@Autowired
	private Users users;

	@Test
	void demoStaffCoverTheRolesAndLoadingThemTwiceChangesNothing() {
		var demo = new DemoUsers(accounts, administration);
		demo.run(new DefaultApplicationArguments());
		long count = accounts.count();
		demo.run(new DefaultApplicationArguments());
		assertThat(accounts.count()).isEqualTo(count);

		for (Role role : Role.internal()) {
			if (role != Role.ADMIN) {
				assertThat(users.activeWithRole(role)).as(role.name()).isNotEmpty();
			}
		}
		assertThat(api.token("sara.ahmadi", DemoUsers.PASSWORD)).isNotBlank();
		assertThat(users.activeWithRole(Role.SALESPERSON)).extracting(u -> u.displayName()).contains("سارا احمدی");
	}
}
