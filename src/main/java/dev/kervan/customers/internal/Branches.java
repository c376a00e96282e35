package dev.kervan.customers.internal;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;

/** The branch records of accounts. */
interface Branches extends PartRepositories.PartRepository<Parts.Branch> {

	@Override
	@Query("select * from customer_branch where customer = :customer and id > :after order by id limit :limit")
	List<Parts.Branch> page(long customer, long after, int limit);
}
