package dev.kervan.customers.internal;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** All accounts. */
interface CustomerAccounts extends ListCrudRepository<Customer, Long> {

	@Query("select * from customer where country = :country and tax_number = :taxNumber")
	Optional<Customer> findByTaxNumber(String country, String taxNumber);

	@Query("select * from customer where external_ref = :externalRef")
	Optional<Customer> findByExternalRef(String externalRef);
}
