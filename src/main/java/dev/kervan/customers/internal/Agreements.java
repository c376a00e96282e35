package dev.kervan.customers.internal;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;

/** The agreement records of accounts. */
interface Agreements extends PartRepositories.PartRepository<Parts.Agreement> {

	@Override
	@Query("select * from customer_agreement where customer = :customer and id > :after order by id limit :limit")
	List<Parts.Agreement> page(long customer, long after, int limit);
}
