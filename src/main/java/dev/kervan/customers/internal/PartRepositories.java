package dev.kervan.customers.internal;

import java.util.List;

import dev.kervan.customers.internal.Parts.Part;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.NoRepositoryBean;

/** The repositories of an account's parts; each answers one account's parts a page at a time. */
final class PartRepositories {

	private PartRepositories() {
	}

	@NoRepositoryBean
	interface PartRepository<T extends Part> extends ListCrudRepository<T, Long> {

		/** Up to {@code limit} of the account's parts with an id above {@code after}, by id. */
		List<T> page(long customer, long after, int limit);
	}
}
