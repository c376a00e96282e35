package dev.kervan.catalog.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A rule of a price list as sent: for a product, a category (and those below it), or, naming neither, every product. */
@Schema(description = "A rule for a product, a category, or (neither) every product.")
public record PriceRuleLine(@Nullable Long productId, @Nullable Long categoryId, PriceLists.RuleType type,
		@Schema(description = "The price (FIXED) or the percentage off (PERCENT_OFF, 0 to 100).") BigDecimal value,
		@Schema(description = "0 when absent.") @Nullable BigDecimal minQuantity, @Nullable LocalDate validFrom,
		@Nullable LocalDate validTo) {

	/** A rule the list has, to send back with the others when one is added or removed. */
	public static PriceRuleLine of(PriceLists.Rule rule) {
		return new PriceRuleLine(rule.productId(), rule.categoryId(), rule.type(), rule.value(), rule.minQuantity(),
				rule.validFrom(), rule.validTo());
	}

	/** The same rule for a product found by its code. */
	public PriceRuleLine forProduct(long product) {
		return new PriceRuleLine(product, categoryId, type, value, minQuantity, validFrom, validTo);
	}
}
