package dev.kervan.inventory.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import dev.kervan.inventory.StockFigures;
import dev.kervan.platform.Money;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.Problems;
import dev.kervan.platform.TableExport;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Inventory's lists as XLSX or CSV: the stock figures as the stock level list shows them (every product and
 * warehouse with stock), and the replenishment report. A refusal (no such warehouse, no right to see stock) comes
 * before anything is written.
 */
@Service
public class StockExports {

	private static final List<String> LEVEL_COLUMNS = List.of("productCode", "productName", "warehouse", "onHand",
			"reserved", "available", "incoming", "unit");

	private static final List<String> REPLENISHMENT_COLUMNS = List.of("code", "name", "unit", "min", "max", "on-hand",
			"reserved", "available", "incoming", "to-order", "supplier", "supplier-code", "price", "currency", "lead-days");

	private final StockLevels levels;
	private final Replenishment replenishment;
	private final InventoryPolicy policy;
	private final Problems messages;

	StockExports(StockLevels levels, Replenishment replenishment, InventoryPolicy policy, Problems messages) {
		this.levels = levels;
		this.replenishment = replenishment;
		this.policy = policy;
		this.messages = messages;
	}

	/** The figures of one warehouse, or of all, as the whole answer. */
	public void levels(@Nullable Long warehouseId, TableExport.Format format, HttpServletResponse response)
			throws IOException {
		policy.requireReader();
		var first = levels.list(null, warehouseId, null, PageLimit.of(PageLimit.MAX));
		write(response, format, "stock-levels", "inventory.files.sheet.levels", "inventory.files.column.", LEVEL_COLUMNS,
				rows -> {
					var page = first;
					while (true) {
						for (StockFigures figures : page.items()) {
							rows.add(Arrays.asList(figures.productCode(), figures.productName(), figures.warehouseCode(),
									figures.onHand(), figures.reserved(), figures.available(), figures.incoming(), figures.unit()));
						}
						if (page.nextCursor() == null) {
							break;
						}
						page = levels.list(null, warehouseId, page.nextCursor(), PageLimit.of(PageLimit.MAX));
					}
				});
	}

	/** The products to reorder over every warehouse, or one, with the preferred supplier's price and currency. */
	public void replenishment(@Nullable Long warehouseId, TableExport.Format format, HttpServletResponse response)
			throws IOException {
		List<Replenishment.Line> lines = replenishment.report(warehouseId);
		write(response, format, "replenishment", "menu.replenishment", "inventory.replenishment.column.",
				REPLENISHMENT_COLUMNS, rows -> {
					for (Replenishment.Line l : lines) {
						Money price = l.supplierPrice();
						rows.add(Arrays.asList(l.productCode(), l.productName(), l.unit(), l.minStock(), l.maxStock(), l.onHand(),
								l.reserved(), l.available(), l.incoming(), l.toOrder(), l.supplierName(), l.supplierCode(),
								price == null ? null : price.amount(), price == null ? null : price.currency().getCurrencyCode(),
								l.leadDays()));
					}
				});
	}

	private void write(HttpServletResponse response, TableExport.Format format, String filename, String sheet,
			String columnKeys, List<String> columns, Consumer<TableExport.Rows> rows) throws IOException {
		List<String> headers = columns.stream().map(column -> messages.message(columnKeys + column)).toList();
		TableExport.startDownload(response, format, filename);
		TableExport.write(format, response.getOutputStream(), messages.message(sheet), headers, rows);
	}
}
