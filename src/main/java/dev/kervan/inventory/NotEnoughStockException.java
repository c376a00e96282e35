package dev.kervan.inventory;

import java.math.BigDecimal;
import java.util.Map;

import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;

/** A reservation, issue or transfer asked for more than is available; the answer says how much is. */
public class NotEnoughStockException extends DomainException {

	private final long productId;
	private final long warehouseId;
	private final BigDecimal available;

	public NotEnoughStockException(long productId, String productCode, long warehouseId, BigDecimal available) {
		super(ErrorKind.CONFLICT, "error.stock.not-enough", productCode, available.stripTrailingZeros().toPlainString());
		this.productId = productId;
		this.warehouseId = warehouseId;
		this.available = available;
	}

	public BigDecimal available() {
		return available;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("productId", productId, "warehouseId", warehouseId, "available",
				available.stripTrailingZeros().toPlainString());
	}
}
