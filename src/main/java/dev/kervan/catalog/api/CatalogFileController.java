package dev.kervan.catalog.api;

import java.io.IOException;

import dev.kervan.catalog.internal.CatalogDocuments;
import dev.kervan.catalog.internal.CatalogExports;
import dev.kervan.catalog.internal.DocumentNotSentException;
import dev.kervan.catalog.internal.ImportResult;
import dev.kervan.catalog.internal.PriceImport;
import dev.kervan.catalog.internal.ProductImport;
import dev.kervan.platform.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Products and price lists in and out of files: import, export, PDF documents and mailing them. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Catalog files")
class CatalogFileController {

	private static final String TABLE_FILE = "A CSV (UTF-8, comma or semicolon separated) or XLSX file with a "
			+ "header row.";

	private final ProductImport productImport;
	private final PriceImport priceImport;
	private final CatalogExports exports;
	private final CatalogDocuments documents;
	private final Problems problems;

	CatalogFileController(ProductImport productImport, PriceImport priceImport, CatalogExports exports,
			CatalogDocuments documents, Problems problems) {
		this.productImport = productImport;
		this.priceImport = priceImport;
		this.exports = exports;
		this.documents = documents;
		this.problems = problems;
	}

	@PostMapping(path = "/products/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import products from a CSV or XLSX file (multipart field file, at most 10,000 rows)",
			description = "Columns by header (English, Turkish or Persian, or as the export writes them): code, name, name_tr, "
					+ "name_fa, category (a path such as \"Appliances / Washing machines\"; missing categories are made), unit, "
					+ "barcode (several separated by spaces, ; or ,), brand, model, manufacturerCode, vatRate, salePrice, "
					+ "standardCost, currency, minStock, maxStock, tracking, kind, stage, shelfLifeDays, warrantyLength, "
					+ "warrantyUnit. A known code changes that product in the filled cells; other rows enter new products. "
					+ "Each row is saved on its own; refused rows are answered with their row number and reasons.")
	ImportResult importProducts(
			@Parameter(description = TABLE_FILE) @RequestPart("file") MultipartFile file) throws IOException {
		return productImport.run(filename(file, "products.csv"), file.getBytes());
	}

	@GetMapping("/products/export")
	@Operation(summary = "Products, searched and filtered as the list, as XLSX or CSV in the columns the import reads")
	void exportProducts(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Long categoryId,
			HttpServletResponse response) throws IOException {
		exports.downloadProducts(format, q, categoryId, response);
	}

	@GetMapping("/products/pdf")
	@Operation(summary = "The product catalogue as PDF: active products by category, with unit, sale price and VAT",
			description = "categoryId limits it to a category and those below it; lang (en, tr, fa) defaults to your own "
					+ "language. At most 5,000 products: ask for a category for more.")
	@ApiResponse(responseCode = "200", description = "The PDF, to show inline.",
			content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", contentMediaType = "application/pdf")))
	ResponseEntity<byte[]> productsPdf(@RequestParam(required = false) @Nullable Long categoryId,
			@RequestParam(required = false) @Nullable String lang) {
		return documents.products(categoryId, CatalogDocuments.language(lang, "lang")).inline();
	}

	@PostMapping("/products/pdf/send")
	@Operation(summary = "Mail the product catalogue as a PDF attachment",
			description = "{\"to\",\"language\",\"categoryId\",\"message\"}; 202 once the mail server took it, 502 when it "
					+ "refused, 503 when no mail server is configured.")
	@ApiResponse(responseCode = "202", description = "The mail server took the message.")
	@ApiResponse(responseCode = "502")
	ResponseEntity<Void> sendProducts(@RequestBody CatalogDocuments.ProductsMail mail) {
		documents.sendProducts(mail);
		return ResponseEntity.accepted().build();
	}

	@PostMapping(path = "/price-lists/{id}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import prices into a price list from a CSV or XLSX file (multipart field file)",
			description = "Columns: productCode (or code) or category (a path), type (FIXED or PERCENT_OFF, FIXED when "
					+ "empty), value (or price), minQuantity, validFrom, validTo. A rule for the same product or category and "
					+ "minimum quantity replaces the list's; the others are added. Sales managers only.")
	ImportResult importPrices(@PathVariable long id,
			@Parameter(description = TABLE_FILE) @RequestPart("file") MultipartFile file) throws IOException {
		return priceImport.run(id, filename(file, "prices.csv"), file.getBytes());
	}

	@GetMapping("/price-lists/{id}/export")
	@Operation(summary = "A price list's rules as XLSX or CSV, in the columns the price import reads")
	void exportPriceList(@PathVariable long id, @RequestParam(required = false) @Nullable String format,
			HttpServletResponse response) throws IOException {
		exports.downloadPriceList(id, format, response);
	}

	@GetMapping("/price-lists/{id}/pdf")
	@Operation(summary = "A price list as PDF", description = "customerId puts the customer's name at the top; lang (en, "
			+ "tr, fa) defaults to your own language.")
	@ApiResponse(responseCode = "200", description = "The PDF, to show inline.",
			content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", contentMediaType = "application/pdf")))
	ResponseEntity<byte[]> priceListPdf(@PathVariable long id, @RequestParam(required = false) @Nullable Long customerId,
			@RequestParam(required = false) @Nullable String lang) {
		return documents.priceList(id, customerId, CatalogDocuments.language(lang, "lang")).inline();
	}

	@PostMapping("/price-lists/{id}/send")
	@Operation(summary = "Mail a price list as a PDF attachment",
			description = "{\"to\",\"language\",\"customerId\",\"message\"}; 202 once the mail server took it, 502 when it "
					+ "refused, 503 when no mail server is configured.")
	@ApiResponse(responseCode = "202", description = "The mail server took the message.")
	@ApiResponse(responseCode = "502")
	ResponseEntity<Void> sendPriceList(@PathVariable long id,
			@RequestBody CatalogDocuments.PriceListMail mail) {
		documents.sendPriceList(id, mail);
		return ResponseEntity.accepted().build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notSent(DocumentNotSentException failure) {
		return ResponseEntity.status(failure.status()).body(problems.of(failure.status(), failure.messageCode()));
	}

	private static String filename(MultipartFile file, String fallback) {
		String name = file.getOriginalFilename();
		return name == null || name.isBlank() ? fallback : name;
	}
}
