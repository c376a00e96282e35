package dev.kervan.customers.internal;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;

/** The bankaccount records of accounts. */
interface BankAccounts extends PartRepositories.PartRepository<Parts.BankAccount> {

	@Override
	@Query("select * from customer_bank_account where customer = :customer and id > :after order by id limit :limit")
	List<Parts.BankAccount> page(long customer, long after, int limit);
}
