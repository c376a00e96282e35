package dev.kervan.customers;

import static dev.kervan.customers.CustomerApiIntegrationTests.company;
import static dev.kervan.customers.CustomerApiIntegrationTests.taxNumber;
import static dev.kervan.customers.CustomerApiIntegrationTests.uniqueWord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.kervan.customers.internal.CustomerService;
import dev.kervan.identity.Role;
import dev.kervan.support.KervanIntegrationTest;
import dev.kervan.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;

/**
 * What the customers module tells other modules: an account archived or brought back is published as an event in
 * the transaction that does it, and not when the change is refused or changes nothing.
 */
@ExtendWith(PublishedEventsExtension.class)
class CustomerEventsIntegrationTests extends KervanIntegrationTest {

	@Autowired
	CustomerService customers;

	@AfterEach
	void logOut() {
		SignedIn.out();
	}

	@Test
	void archivingAndRestoringArePublishedOnceEachWhenSaved(PublishedEvents events) {
		long id = account();
		SignedIn.as(jdbc, "admin", Role.ADMIN);

		customers.archive(id);
		customers.archive(id);
		assertThat(events.ofType(CustomerArchived.class).matching(archived -> archived.customerId() == id))
			.singleElement()
			.satisfies(archived -> assertThat(archived.at()).isNotNull());

		customers.restore(id);
		customers.restore(id);
		assertThat(events.ofType(CustomerRestored.class).matching(restored -> restored.customerId() == id)).hasSize(1);
		assertThat(events.ofType(CustomerArchived.class).matching(archived -> archived.customerId() == id)).hasSize(1);
	}

	@Test
	void aRefusedArchivingPublishesNothingAndChangesNothing(PublishedEvents events) {
		long id = account();
		SignedIn.as(jdbc, "warehouse", Role.WAREHOUSE);

		assertThatThrownBy(() -> customers.archive(id)).hasMessageContaining("error.customer.forbidden");

		assertThat(events.ofType(CustomerArchived.class).matching(archived -> archived.customerId() == id)).isEmpty();
		assertThat(jdbc.sql("select archived_at is null and version = 0 from customer where id = :id").param("id", id)
			.query(Boolean.class).single()).isTrue();
	}

	private long account() {
		String admin = api.token("admin", ADMIN_PASSWORD);
		return api.post("/api/v1/customers", company("Evented " + uniqueWord(), taxNumber())).bearer(admin).send().json()
			.get("id").asLong();
	}
}
