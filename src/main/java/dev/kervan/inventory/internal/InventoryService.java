package dev.kervan.inventory.internal;

import java.math.BigDecimal;
import java.util.List;

import dev.kervan.catalog.Catalog;
import dev.kervan.catalog.ProductFacts;
import dev.kervan.catalog.ProductUse;
import dev.kervan.inventory.Inventory;
import dev.kervan.inventory.StockFigures;
import dev.kervan.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class InventoryService implements Inventory, ProductUse {

	private final StockLevels levels;
	private final Reservations reservations;
	private final Catalog catalog;
	private final JdbcClient jdbc;

	InventoryService(StockLevels levels, Reservations reservations, Catalog catalog, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.levels = levels;
		this.reservations = reservations;
		this.catalog = catalog;
	}

	/** A product with stock moves keeps its unit and tracking: the ledger counted in them. */
	@Override
	public boolean uses(long productId) {
		return jdbc.sql("select exists (select 1 from stock_move_line where product = ?)").param(productId).query(Boolean.class)
			.single();
	}

	@Override
	public List<StockFigures> stockOf(long productId) {
		return levels.ofProduct(productId, null);
	}

	@Override
	@Transactional
	public long reserve(long productId, long warehouseId, BigDecimal quantity, String referenceType, long referenceId,
			@Nullable Long customerId) {
		ProductFacts product = catalog.find(productId).orElseThrow(() -> new RecordNotFoundException("product", productId));
		return reservations.reserve(product, warehouseId, quantity, referenceType + " " + referenceId, referenceType,
				referenceId, customerId, null, "system");
	}

	@Override
	@Transactional
	public void release(long reservationId) {
		reservations.release(reservationId, "system");
	}
}
