package dev.kervan.customers.internal;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Customer classes. */
interface CustomerClasses extends ListCrudRepository<CustomerClass, Long> {

	@Query("select * from customer_class order by lower(name)")
	List<CustomerClass> findAllOrdered();
}
