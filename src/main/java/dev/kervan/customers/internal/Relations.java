package dev.kervan.customers.internal;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;

/** The relation records of accounts. */
interface Relations extends PartRepositories.PartRepository<Parts.Relation> {

	@Override
	@Query("select * from customer_relation where customer = :customer and id > :after order by id limit :limit")
	List<Parts.Relation> page(long customer, long after, int limit);
}
