package dev.kervan.inventory;

import java.math.BigDecimal;

import dev.kervan.platform.Decimals;

/**
 * A product's stock in a warehouse: {@code available = onHand − reserved}; {@code incoming} is what purchase
 * orders will bring. {@code belowMinimum} compares the product's available and incoming stock over every
 * warehouse with its minimum.
 */
public record StockFigures(long productId, String productCode, String productName, long warehouseId, String warehouseCode,
		String warehouseName, String unit, BigDecimal onHand, BigDecimal reserved, BigDecimal available, BigDecimal incoming,
		boolean belowMinimum) {

	public StockFigures {
		onHand = Decimals.quantity(onHand);
		reserved = Decimals.quantity(reserved);
		available = Decimals.quantity(available);
		incoming = Decimals.quantity(incoming);
	}
}
