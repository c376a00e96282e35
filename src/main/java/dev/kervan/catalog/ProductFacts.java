package dev.kervan.catalog;

import java.math.BigDecimal;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What other modules may know about a product.
 *
 * @param unitId the unit its stock is counted in
 * @param names the name in other languages, by language code
 */
public record ProductFacts(long id, String code, String name, Map<String, String> names, boolean service, long unitId,
		String unitCode, Tracking tracking, boolean active, @Nullable BigDecimal minStock, @Nullable BigDecimal maxStock,
		@Nullable Integer shelfLifeDays, @Nullable Integer warrantyLength, @Nullable String warrantyUnit) {

	public ProductFacts {
		names = Map.copyOf(names);
	}

	/** The name in a language, or the main name when it has none there. */
	public String name(String language) {
		return names.getOrDefault(language, name);
	}
}
