package dev.kervan.customers.internal;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Extra field definitions per account category. */
interface ExtraFields extends ListCrudRepository<ExtraField, Long> {

	@Query("select * from customer_field where category = :category order by sort_order, code")
	List<ExtraField> findByCategory(long category);
}
