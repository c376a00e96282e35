package dev.kervan.customers.internal;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A class of customers (end consumer, dealer, main dealer…) with the discount and risk limit sales apply to
 * its members unless an account says otherwise.
 */
@Table("customer_class")
public class CustomerClass {

	@Id
	@Nullable Long id;
	String name;
	BigDecimal defaultDiscount = BigDecimal.ZERO;
	@Nullable BigDecimal riskLimit;
	String currency = "TRY";
	boolean active = true;
	@Version
	@Nullable Long version;

	CustomerClass(String name) {
		this.name = name;
	}

	public long id() {
		return id == null ? 0 : id;
	}

	public String name() {
		return name;
	}

	public BigDecimal defaultDiscount() {
		return defaultDiscount;
	}

	public @Nullable BigDecimal riskLimit() {
		return riskLimit;
	}

	public String currency() {
		return currency;
	}

	public boolean active() {
		return active;
	}

	public long version() {
		return version == null ? 0 : version;
	}
}
