package dev.kervan.customers.internal;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Account categories, sectors and company-size bands. */
interface Lookups extends ListCrudRepository<Lookup, Long> {

	@Query("select * from customer_lookup where kind = :kind order by sort_order, lower(name)")
	List<Lookup> findByKind(String kind);
}
