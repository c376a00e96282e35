package dev.kervan.catalog.internal;

import java.util.List;

import dev.kervan.customers.AccountPriceLists;
import dev.kervan.platform.Option;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The price lists an account's form offers, and the check that the one chosen is active. */
@Component
class PriceListsForAccounts implements AccountPriceLists {

	private final JdbcClient jdbc;

	PriceListsForAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Option> choices() {
		return jdbc.sql("select id, name, currency from price_list where active order by lower(name), id")
			.query((rs, n) -> new Option(String.valueOf(rs.getLong("id")), rs.getString("name") + " (" + rs.getString("currency") + ")"))
			.list();
	}

	@Override
	public boolean isActive(long priceListId) {
		return jdbc.sql("select exists (select 1 from price_list where id = ? and active)").param(priceListId)
			.query(Boolean.class)
			.single();
	}
}
