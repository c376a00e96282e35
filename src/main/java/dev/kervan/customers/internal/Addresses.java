package dev.kervan.customers.internal;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;

/** The address records of accounts. */
interface Addresses extends PartRepositories.PartRepository<Parts.Address> {

	@Override
	@Query("select * from customer_address where customer = :customer and id > :after order by id limit :limit")
	List<Parts.Address> page(long customer, long after, int limit);
}
