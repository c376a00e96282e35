package dev.kervan.inventory.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import dev.kervan.platform.Problems;
import dev.kervan.platform.TableExport;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The replenishment report, as its page shows it, as XLSX or CSV. */
@Service
public class ReplenishmentExport {

	private static final List<String> COLUMNS = List.of("code", "name", "unit", "min", "max", "on-hand", "reserved",
			"available", "incoming", "to-order", "supplier", "supplier-code", "price", "currency", "lead-days");

	private final Replenishment replenishment;
	private final Problems messages;

	ReplenishmentExport(Replenishment replenishment, Problems messages) {
		this.replenishment = replenishment;
		this.messages = messages;
	}

	/** The products to reorder in one warehouse, or in all; a refusal comes before anything is written. */
	public void write(@Nullable Long warehouseId, TableExport.Format format, HttpServletResponse response)
			throws IOException {
		List<Replenishment.Line> lines = replenishment.report(warehouseId);
		List<String> headers = COLUMNS.stream().map(h -> messages.message("inventory.replenishment.column." + h)).toList();
		TableExport.startDownload(response, format, "replenishment");
		TableExport.write(format, response.getOutputStream(), messages.message("menu.replenishment"), headers, rows -> {
			for (Replenishment.Line l : lines) {
				rows.add(Arrays.asList(l.productCode(), l.productName(), l.unit(), l.minStock(), l.maxStock(), l.onHand(),
						l.reserved(), l.available(), l.incoming(), l.toOrder(), l.supplierName(), l.supplierCode(),
						l.supplierPrice(), l.supplierCurrency(), l.leadDays()));
			}
		});
	}
}
