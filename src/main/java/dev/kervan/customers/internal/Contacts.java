package dev.kervan.customers.internal;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;

/** The contact records of accounts. */
interface Contacts extends PartRepositories.PartRepository<Parts.Contact> {

	@Override
	@Query("select * from customer_contact where customer = :customer and id > :after order by id limit :limit")
	List<Parts.Contact> page(long customer, long after, int limit);
}
