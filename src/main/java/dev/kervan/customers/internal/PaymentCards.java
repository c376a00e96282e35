package dev.kervan.customers.internal;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;

/** The paymentcard records of accounts. */
interface PaymentCards extends PartRepositories.PartRepository<Parts.PaymentCard> {

	@Override
	@Query("select * from customer_payment_card where customer = :customer and id > :after order by id limit :limit")
	List<Parts.PaymentCard> page(long customer, long after, int limit);
}
