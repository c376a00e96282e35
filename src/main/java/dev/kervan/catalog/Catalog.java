package dev.kervan.catalog;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The catalog as other modules see it.
 */
public interface Catalog {

	Optional<ProductFacts> find(long productId);

	/** The products that exist among the ids, by id. */
	Map<Long, ProductFacts> find(Collection<Long> productIds);

	/** The product with this code or one of its barcodes, as a scanner or a person types it. */
	Optional<ProductFacts> findByCodeOrBarcode(String codeOrBarcode);

	/**
	 * A quantity entered in a unit, in the product's own unit: the same unit, or one that converts to the same base
	 * (boxes of 12 to pieces). Empty when the unit is unknown or measures something else.
	 *
	 * @param unitCode the unit entered; {@code null} means the product's own unit
	 */
	Optional<UnitQuantity> inProductUnit(ProductFacts product, @Nullable String unitCode, BigDecimal quantity);

	/** A quantity as entered and as counted in the product's unit. */
	record UnitQuantity(long unitId, BigDecimal entered, BigDecimal inProductUnit) {
	}
}
