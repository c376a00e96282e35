package dev.kervan.inventory.api;

import java.math.BigDecimal;

import dev.kervan.inventory.internal.Replenishment;
import dev.kervan.platform.Decimals;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A product to reorder as the API answers it: the supplier's price as a decimal string beside its currency. */
@Schema(name = "ReplenishmentLine")
record ReplenishmentLineView(long productId, String productCode, String productName, String unit, BigDecimal minStock,
		@Nullable BigDecimal maxStock, BigDecimal onHand, BigDecimal reserved, BigDecimal available, BigDecimal incoming,
		BigDecimal toOrder, @Nullable Long supplierId, @Nullable String supplierName, @Nullable String supplierCode,
		@Nullable BigDecimal supplierPrice, @Nullable String supplierCurrency, @Nullable Integer leadDays) {

	static ReplenishmentLineView of(Replenishment.Line line) {
		var price = line.supplierPrice();
		return new ReplenishmentLineView(line.productId(), line.productCode(), line.productName(), line.unit(),
				line.minStock(), line.maxStock(), line.onHand(), line.reserved(), line.available(), line.incoming(),
				line.toOrder(), line.supplierId(), line.supplierName(), line.supplierCode(),
				price == null ? null : Decimals.plain(price.amount(), 2),
				price == null ? null : price.currency().getCurrencyCode(), line.leadDays());
	}
}
