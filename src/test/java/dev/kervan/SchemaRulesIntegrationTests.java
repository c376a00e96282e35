package dev.kervan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules the database's schema keeps, read from the migrated database itself (pg_catalog, information_schema), so
 * that the next document's tables keep them too.
 */
class SchemaRulesIntegrationTests extends KervanIntegrationTest {

	/** A column whose name says it holds money: its last word is one of these (not "price_list", "total_rows"). */
	private static final Pattern MONEY = Pattern.compile("(^|_)(amount|price|cost|revenue|limit|target|total|fee)$");

	/** Money columns without a currency of their own, and why. */
	private static final Map<String, String> MONEY_WITHOUT_CURRENCY = Map.of(
			"customer_branch.sales_target", "a branch's target is in its account's currency (customer.currency)");

	/**
	 * Deleting (or re-keying) a row checks every foreign key that refers to it with a query on the referring table: with
	 * no index led by the key's columns that query reads the whole table, once per row deleted (at a million accounts,
	 * one DELETE of accounts spent seven minutes reading stock moves). A partial index counts when it leaves out only
	 * the rows whose key is null: the check asks for one value, never for null.
	 */
	@Test
	void everyForeignKeyHasAnIndexLedByItsColumns() {
		assertThat(foreignKeysWithoutIndex("public")).as("foreign keys without an index").isEmpty();
	}

	@Test
	void theForeignKeyRuleCountsOnlyIndexesThatServeTheKeyCheck() {
		jdbc.sql("drop schema if exists schema_rules_probe cascade").update();
		jdbc.sql("create schema schema_rules_probe").update();
		try {
			jdbc.sql("""
					create table schema_rules_probe.link (
					  plain bigint references customer (id), led bigint references customer (id),
					  not_null bigint references customer (id), other bigint references customer (id),
					  second bigint references customer (id))""").update();
			jdbc.sql("create index on schema_rules_probe.link (led, plain)").update();
			jdbc.sql("create index on schema_rules_probe.link (not_null) where not_null is not null").update();
			jdbc.sql("create index on schema_rules_probe.link (other) where other > 0").update();
			jdbc.sql("create index on schema_rules_probe.link (plain, second)").update();
			assertThat(foreignKeysWithoutIndex("schema_rules_probe")).containsExactly(
					"link (other) refers to customer and has no index led by its columns",
					"link (second) refers to customer and has no index led by its columns");
		}
		finally {
			jdbc.sql("drop schema schema_rules_probe cascade").update();
		}
	}

	private List<String> foreignKeysWithoutIndex(String schema) {
		return jdbc.sql("""
				select c.conrelid::regclass::text as referring,
				       (select string_agg(a.attname, ', ' order by k.n) from unnest(c.conkey) with ordinality as k(attnum, n)
				        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum) as columns,
				       c.confrelid::regclass::text as referred
				from pg_constraint c join pg_namespace s on s.oid = c.connamespace
				where c.contype = 'f' and s.nspname = :schema
				  and not exists (
				    select 1 from pg_index i join pg_class x on x.oid = i.indexrelid join pg_am m on m.oid = x.relam
				    where i.indrelid = c.conrelid and m.amname = 'btree' and i.indisvalid
				      and (i.indkey::int2[])[0 : cardinality(c.conkey) - 1] @> c.conkey
				      and (i.indkey::int2[])[0 : cardinality(c.conkey) - 1] <@ c.conkey
				      and (i.indpred is null or (cardinality(c.conkey) = 1 and pg_get_expr(i.indpred, i.indrelid)
				           = '(' || (select quote_ident(a.attname) from pg_attribute a
				                     where a.attrelid = c.conrelid and a.attnum = c.conkey[1]) || ' IS NOT NULL)')))
				order by 1, 2""")
			.param("schema", schema)
			.query((rs, n) -> rs.getString("referring").replace(schema + ".", "") + " (" + rs.getString("columns") + ") refers to "
					+ rs.getString("referred") + " and has no index led by its columns")
			.list();
	}

	/**
	 * Money is {@code numeric(19, 4)} beside a {@code char(3)} currency in the same row ({@code currency}, or
	 * {@code <column>_currency} when a row holds amounts in two currencies): never a float, never an amount whose
	 * currency must be guessed.
	 */
	@Test
	void moneyIsExactAndKeptWithItsCurrency() {
		record Column(String table, String name, String type, Integer precision, Integer scale) {
		}
		List<Column> columns = jdbc.sql("""
				select c.table_name, c.column_name, c.data_type, c.numeric_precision, c.numeric_scale
				from information_schema.columns c
				join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
				where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
				order by 1, 2""")
			.query((rs, n) -> new Column(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, Integer.class),
					rs.getObject(5, Integer.class)))
			.list();
		var currencies = new java.util.HashSet<String>();
		columns.stream()
			.filter(c -> c.type().equals("character") && (c.name().equals("currency") || c.name().endsWith("_currency")))
			.forEach(c -> currencies.add(c.table() + "." + c.name()));
		var wrong = new ArrayList<String>();
		var money = new ArrayList<String>();
		for (Column column : columns) {
			String name = column.table() + "." + column.name();
			if (!MONEY.matcher(column.name()).find() || currencies.contains(name)) {
				continue;
			}
			money.add(name);
			if (!column.type().equals("numeric") || !Integer.valueOf(19).equals(column.precision())
					|| !Integer.valueOf(4).equals(column.scale())) {
				wrong.add(name + " is " + column.type() + ", not numeric(19, 4)");
			}
			boolean withCurrency = currencies.contains(column.table() + ".currency")
					|| currencies.contains(name + "_currency");
			if (!withCurrency && !MONEY_WITHOUT_CURRENCY.containsKey(name)) {
				wrong.add(name + " has no char(3) currency beside it");
			}
		}
		assertThat(wrong).as("money columns").isEmpty();
		assertThat(money).as("the money columns the rule found").contains("opportunity.expected_revenue", "product.sale_price",
				"customer.credit_limit", "product_supplier.price");
		assertThat(MONEY_WITHOUT_CURRENCY.keySet()).as("exceptions that still exist").allMatch(money::contains);
	}

	/** Ownership is read from the migrations' file names; a table created some other way would belong to no one. */
	@Test
	void everyTableAndViewBelongsToTheModuleWhoseMigrationCreatesIt() {
		List<String> relations = jdbc.sql("""
				select c.relname from pg_class c join pg_namespace s on s.oid = c.relnamespace
				where s.nspname = 'public' and c.relkind in ('r', 'v', 'm', 'p') order by 1""")
			.query(String.class)
			.list();
		Map<String, String> owners = ModuleTablesTests.owners();
		assertThat(relations).as("tables and views no migration creates")
			.filteredOn(relation -> !owners.containsKey(relation))
			.isEmpty();
		assertThat(relations).contains("customer_ref", "user_ref", "product_ref", "activity_ref", "opportunity_ref");
	}
}
