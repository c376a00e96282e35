package dev.kervan.customers.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.kervan.platform.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A class of customers (end consumer, dealer, main dealer…) with the discount and risk limit sales apply to
 * its members unless an account says otherwise.
 */
@Table("customer_class")
public class CustomerClass extends SettingRow {

	String name;
	BigDecimal defaultDiscount = BigDecimal.ZERO;
	@Nullable BigDecimal riskLimit;
	String currency = "TRY";

	CustomerClass(String name) {
		this.name = name;
	}

	public String name() {
		return name;
	}

	public BigDecimal defaultDiscount() {
		return defaultDiscount;
	}

	/** The risk limit of the class's accounts, in the class's currency; none when unset. */
	public @Nullable Money riskLimit() {
		return riskLimit == null ? null : Money.of(riskLimit, currency);
	}

	public String currency() {
		return currency;
	}

	@Override
	Map<String, Object> auditSnapshot() {
		var snapshot = new LinkedHashMap<String, Object>();
		snapshot.put("name", name);
		snapshot.put("defaultDiscount", defaultDiscount);
		snapshot.put("riskLimit", riskLimit);
		snapshot.put("currency", currency);
		snapshot.put("active", active);
		return snapshot;
	}
}
