package dev.kervan.customers.internal;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;

/** The note records of accounts. */
interface Notes extends PartRepositories.PartRepository<Parts.Note> {

	@Override
	@Query("select * from customer_note where customer = :customer and id < :after order by id desc limit :limit")
	List<Parts.Note> page(long customer, long after, int limit);
}
