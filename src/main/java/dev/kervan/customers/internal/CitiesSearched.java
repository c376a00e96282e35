package dev.kervan.customers.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.kervan.platform.DataMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Adds the cities of existing accounts' addresses to what they are found by, folded in Java as {@link SearchIndex}
 * folds them (SQL cannot fold Turkish i's and Persian letter forms the same way). Cities are few: each is folded
 * once, and one statement appends them to every account that has an address. Their words join the dictionary that
 * forgives misspellings.
 */
@Component
class CitiesSearched extends DataMigration {

	CitiesSearched() {
		super("202612031910", "customers cities searched");
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		var cities = new ArrayList<String>();
		var folded = new ArrayList<String>();
		try (var statement = connection.createStatement();
				var rs = statement.executeQuery("select distinct city from customer_address where city <> ''")) {
			while (rs.next()) {
				cities.add(rs.getString(1));
				folded.add(SearchIndex.cityWords(List.of(rs.getString(1))));
			}
		}
		if (cities.isEmpty()) {
			return;
		}
		try (var statement = connection.prepareStatement("""
				with folded (city, words) as (select * from unnest(cast(? as text[]), cast(? as text[]))),
				     found as (select a.customer, string_agg(distinct f.words, ' ') as words
				               from customer_address a join folded f on f.city = a.city
				               where f.words <> '' group by a.customer)
				update customer c set search_text = c.search_text || ' ' || found.words
				from found where found.customer = c.id""")) {
			statement.setArray(1, connection.createArrayOf("text", cities.toArray()));
			statement.setArray(2, connection.createArrayOf("text", folded.toArray()));
			statement.executeUpdate();
		}
		// Every account with an address was rewritten, and each of its indexes got a second entry per row: rebuilt
		// now, the search indexes are their old size again (at a million accounts the search text's index had doubled
		// and a tax number took half as long again to find).
		try (var statement = connection.createStatement()) {
			statement.execute("reindex table customer");
		}
		try (var statement = connection.prepareStatement("""
				insert into customer_search_word (word)
				select distinct word from unnest(cast(? as text[])) as city, unnest(string_to_array(city, ' ')) as word
				where word ~ '^[[:alpha:]]{3,}$' order by word on conflict do nothing""")) {
			statement.setArray(1, connection.createArrayOf("text", folded.toArray()));
			statement.executeUpdate();
		}
	}
}
