package dev.kervan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import org.junit.jupiter.api.Test;

class CurrentUserTests {

	private final CurrentUser warehouse = new CurrentUser(7, "depo", "Depo", Set.of(Role.WAREHOUSE));
	private final CurrentUser portal = new CurrentUser(8, "musteri", "Müşteri", Set.of(Role.PORTAL));

	@Test
	void aUserHoldingOneOfTheRolesPassesTheCheck() {
		assertThat(warehouse.require(Role.SALESPERSON, Role.WAREHOUSE)).isSameAs(warehouse);
		assertThat(warehouse.require("error.inventory.forbidden", Role.WAREHOUSE)).isSameAs(warehouse);
		assertThat(warehouse.requireStaff("error.inventory.forbidden")).isSameAs(warehouse);
	}

	@Test
	void aUserWithoutTheRolesIsRefusedWith403AndTheModulesMessage() {
		assertThatThrownBy(() -> warehouse.require("error.catalog.forbidden", Role.SALES_MANAGER, Role.PURCHASING))
			.isInstanceOfSatisfying(DomainException.class, refused -> {
				assertThat(refused.kind()).isEqualTo(ErrorKind.FORBIDDEN);
				assertThat(refused.messageCode()).isEqualTo("error.catalog.forbidden");
			});
		assertThatThrownBy(() -> warehouse.require(Role.ADMIN)).isInstanceOfSatisfying(DomainException.class,
				refused -> assertThat(refused.messageCode()).isEqualTo("error.forbidden"));
	}

	@Test
	void aPortalUserIsNoStaff() {
		assertThatThrownBy(() -> portal.requireStaff("error.customer.forbidden")).isInstanceOfSatisfying(DomainException.class,
				refused -> assertThat(refused.kind()).isEqualTo(ErrorKind.FORBIDDEN));
	}
}
