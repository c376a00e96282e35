package dev.kervan.inventory.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.kervan.inventory.StockFigures;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.Problems;
import dev.kervan.platform.TableExport;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The stock figures, as the stock level list shows them (every product and warehouse with stock), as XLSX or CSV. */
@Service
public class StockLevelExport {

	private static final List<String> COLUMNS = List.of("productCode", "productName", "warehouse", "onHand", "reserved",
			"available", "incoming", "unit");

	private final StockLevels levels;
	private final InventoryPolicy policy;
	private final Problems messages;

	StockLevelExport(StockLevels levels, InventoryPolicy policy, Problems messages) {
		this.levels = levels;
		this.policy = policy;
		this.messages = messages;
	}

	/**
	 * The figures of one warehouse, or of all, as the whole answer; a refusal (no such warehouse, no right to see stock)
	 * comes before anything is written.
	 */
	public void write(@Nullable Long warehouseId, TableExport.Format format, HttpServletResponse response)
			throws IOException {
		policy.requireReader();
		var first = levels.list(null, warehouseId, null, PageLimit.of(PageLimit.MAX));
		List<String> headers = COLUMNS.stream().map(field -> messages.message("inventory.files.column." + field)).toList();
		TableExport.startDownload(response, format, "stock-levels");
		TableExport.write(format, response.getOutputStream(), messages.message("inventory.files.sheet.levels"), headers, rows -> {
			var page = first;
			while (true) {
				for (StockFigures figures : page.items()) {
					var cells = new ArrayList<@Nullable Object>();
					cells.add(figures.productCode());
					cells.add(figures.productName());
					cells.add(figures.warehouseCode());
					cells.add(figures.onHand());
					cells.add(figures.reserved());
					cells.add(figures.available());
					cells.add(figures.incoming());
					cells.add(figures.unit());
					rows.add(cells);
				}
				if (page.nextCursor() == null) {
					break;
				}
				page = levels.list(null, warehouseId, page.nextCursor(), PageLimit.of(PageLimit.MAX));
			}
		});
	}
}
