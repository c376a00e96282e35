package dev.kervan.inventory.api;

import java.io.IOException;

import dev.kervan.inventory.internal.OpeningStockImport;
import dev.kervan.inventory.internal.StockExports;
import dev.kervan.platform.TableExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Stock in and out of files: the opening stock from a spreadsheet, the stock levels to one. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Inventory")
class StockFileController {

	private static final String TABLE_FILE = "A CSV (UTF-8, comma or semicolon separated) or XLSX file with a "
			+ "header row.";

	private final OpeningStockImport openingStock;
	private final StockExports exports;

	StockFileController(OpeningStockImport openingStock, StockExports exports) {
		this.openingStock = openingStock;
		this.exports = exports;
	}

	@PostMapping(path = "/stock-moves/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Post the opening stock of a warehouse from a CSV or XLSX file (multipart field file)",
			description = "Columns: productCode (or code or barcode), quantity, unit, lot, expiry, serial (one row per unit "
					+ "of a serial-numbered product; quantity 1 or empty). Every row is checked first; the good rows are posted "
					+ "as one receipt (rows of the same product and lot as one line) with the reason \"Opening stock\" and the "
					+ "file's name as reference. Answers the move and the refused rows. Warehouse staff only.")
	OpeningStockImport.Result importOpeningStock(@RequestParam long warehouseId,
			@Parameter(description = TABLE_FILE) @RequestPart("file") MultipartFile file)
			throws IOException {
		String name = file.getOriginalFilename();
		return openingStock.run(warehouseId, name == null || name.isBlank() ? "opening-stock.csv" : name, file.getBytes());
	}

	@GetMapping("/stock-levels/export")
	@Operation(summary = "Stock levels (every product and warehouse with stock, or one warehouse) as XLSX or CSV",
			description = "Product code and name, warehouse, on hand, reserved, available, incoming, unit.")
	void exportLevels(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable Long warehouseId, HttpServletResponse response) throws IOException {
		exports.levels(warehouseId, TableExport.Format.of(format), response);
	}
}
