package dev.kervan.catalog.internal;

import java.util.Map;
import java.util.Set;

import dev.kervan.platform.RecordNames;
import dev.kervan.platform.TranslatedNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The names of products, categories, units (by code) and price lists, for the histories that name them. */
@Component
class CatalogRecordNames implements RecordNames {

	static final String PRODUCT = "product";
	static final String CATEGORY = "product-category";
	static final String UNIT = "unit";
	static final String PRICE_LIST = "price-list";

	private static final Map<String, String> QUERIES = Map.of(
			PRODUCT, "select id, name from product where id = any(:ids)",
			CATEGORY, "select id, %s from product_category r where id = any(:ids)",
			PRICE_LIST, "select id, name from price_list where id = any(:ids)");

	private final JdbcClient jdbc;

	CatalogRecordNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> kinds() {
		return Set.of(PRODUCT, CATEGORY, UNIT, PRICE_LIST);
	}

	@Override
	public Map<String, String> names(String kind, Set<String> ids) {
		if (UNIT.equals(kind)) {
			// A product keeps its unit by code in its history, as it is typed and imported.
			return RecordNames.byCode(jdbc, "select code, %s from unit_of_measure r where code = any(:codes)"
				.formatted(TranslatedNames.shown("r")), ids);
		}
		// A category is named in the reader's language (the %s of its query); products and price lists as they are kept.
		return RecordNames.byId(jdbc, QUERIES.get(kind).formatted(TranslatedNames.shown("r")), ids);
	}
}
