package dev.kervan.catalog.api;

import static dev.kervan.catalog.api.CatalogAnswers.all;
import static dev.kervan.catalog.api.CatalogAnswers.created;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import dev.kervan.catalog.Tracking;
import dev.kervan.catalog.internal.ProductChange;
import dev.kervan.catalog.internal.ProductDraft;
import dev.kervan.catalog.internal.ProductFiles;
import dev.kervan.catalog.internal.ProductParts;
import dev.kervan.catalog.internal.ProductRow;
import dev.kervan.catalog.internal.ProductStage;
import dev.kervan.catalog.internal.Products;
import dev.kervan.platform.Attachment;
import dev.kervan.platform.Attachments;
import dev.kervan.platform.AuditEntry;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Catalog")
class ProductController {

	private static final String ATTACHED_FILE = "A document or image: PDF, an office document, CSV or text, "
			+ "PNG, JPEG, GIF or WebP; its content must match its kind.";

	private final Products products;
	private final ProductParts parts;
	private final ProductFiles files;
	private final AuditTrail audit;

	ProductController(Products products, ProductParts parts, ProductFiles files, AuditTrail audit) {
		this.products = products;
		this.parts = parts;
		this.files = files;
		this.audit = audit;
	}

	@GetMapping
	@Operation(summary = "Products in code order, searched and filtered",
			description = "q finds words in code, names (every language), brand, model, manufacturer code, or an exact barcode.")
	KeysetPage<ProductRow> list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long categoryId, @RequestParam(required = false) @Nullable ProductStage stage,
			@RequestParam(required = false) @Nullable Tracking tracking, @RequestParam(required = false) @Nullable Boolean active,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(required = false) @Nullable Integer limit) {
		return products.list(new Products.Filter(q, categoryId, stage, tracking, active), cursor, PageLimit.of(limit));
	}

	@PostMapping
	@Operation(summary = "Enter a product or service",
			description = "code and name are required; unit defaults to PCS, tracking to NONE, currency to TRY, vatRate to 20.")
	ResponseEntity<ProductRow> create(@RequestBody ProductDraft draft) {
		return created("/api/v1/products", products.create(draft), ProductRow::id);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A product")
	ProductRow get(@PathVariable long id) {
		return products.get(id);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change a product's fields")
	ProductRow update(@PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody ProductChange change) {
		return products.update(id, ExpectedVersion.requiredVersion(ifMatch, change.version()), change);
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "Who changed what on the product, newest first")
	KeysetPage<AuditEntry> history(@PathVariable long id) {
		products.get(id);
		return all(audit.history("product", id));
	}

	@GetMapping("/{id}/variants")
	@Operation(summary = "A product's variants")
	KeysetPage<ProductRow> variants(@PathVariable long id) {
		return all(parts.variants(id));
	}

	@PostMapping("/{id}/variants")
	@Operation(summary = "Generate variants from attribute values",
			description = "{\"attributes\":[{\"attributeId\":1,\"values\":[\"Red\",\"Blue\"]}]}: one variant per combination; existing ones are kept.")
	ResponseEntity<KeysetPage<ProductRow>> generateVariants(@PathVariable long id,
			@RequestBody ProductParts.VariantChoices choices) {
		return ResponseEntity.status(201).body(all(parts.generateVariants(id, choices)));
	}

	@GetMapping("/{id}/attribute-values")
	@Operation(summary = "A product's attribute values")
	KeysetPage<ProductParts.AttributeValues> attributeValues(@PathVariable long id) {
		return all(parts.attributeValues(id));
	}

	@GetMapping("/{id}/links")
	@Operation(summary = "A product's alternatives and related products")
	KeysetPage<ProductParts.Link> links(@PathVariable long id) {
		return all(parts.links(id));
	}

	@PostMapping("/{id}/links")
	@Operation(summary = "Link an alternative (both ways) or a related product", description = "{\"productId\",\"kind\":\"ALTERNATIVE|RELATED\"}")
	KeysetPage<ProductParts.Link> link(@PathVariable long id,
			@RequestBody ProductParts.NewProductLink link) {
		return all(parts.link(id, link));
	}

	@DeleteMapping("/{id}/links/{kind}/{other}")
	@Operation(summary = "Remove a link (kind alternative or related)")
	ResponseEntity<Void> unlink(@PathVariable long id, @PathVariable String kind, @PathVariable long other) {
		parts.unlink(id, other, kind.toUpperCase(java.util.Locale.ROOT));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/suppliers")
	@Operation(summary = "A product's suppliers and their terms")
	KeysetPage<ProductParts.Supplier> suppliers(@PathVariable long id) {
		return all(parts.suppliers(id));
	}

	@PostMapping("/{id}/suppliers")
	@Operation(summary = "Add a supplier or change its terms",
			description = "supplierId (an account with the supplier role), supplierCode, price, currency, leadDays, minQuantity, preferred")
	ProductParts.Supplier saveSupplier(@PathVariable long id,
			@RequestBody ProductParts.SupplierTerms terms) {
		return parts.saveSupplier(id, terms);
	}

	@DeleteMapping("/{id}/suppliers/{supplierRowId}")
	@Operation(summary = "Remove a supplier of the product")
	ResponseEntity<Void> removeSupplier(@PathVariable long id, @PathVariable long supplierRowId) {
		parts.removeSupplier(id, supplierRowId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/competitor-prices")
	@Operation(summary = "Competitors' prices of the product, newest first")
	KeysetPage<ProductParts.CompetitorPrice> competitorPrices(@PathVariable long id) {
		return all(parts.competitorPrices(id));
	}

	@PostMapping("/{id}/competitor-prices")
	@Operation(summary = "Record a competitor's price", description = "competitorId or competitor (a name), price, currency, observedOn, note")
	ResponseEntity<ProductParts.CompetitorPrice> addCompetitorPrice(@PathVariable long id,
			@RequestBody ProductParts.NewCompetitorPrice seen) {
		return ResponseEntity.status(201).body(parts.addCompetitorPrice(id, seen));
	}

	@GetMapping("/{id}/attachments")
	@Operation(summary = "A product's attachments, newest first")
	KeysetPage<Attachment> attachments(@PathVariable long id) {
		return all(files.list(id));
	}

	@PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Attach an image, technical document, drawing or manual (multipart field 'file')")
	ResponseEntity<Attachment> attach(@PathVariable long id,
			@Parameter(description = ATTACHED_FILE) @RequestPart("file") MultipartFile file) throws IOException {
		try (InputStream content = file.getInputStream()) {
			return created("/api/v1/products/" + id + "/attachments",
					files.add(id, String.valueOf(file.getOriginalFilename()), file.getContentType(), content), Attachment::id);
		}
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	@Operation(summary = "An attachment of the product, as the file it is")
	ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable UUID attachmentId) {
		return Attachments.download(files.find(id, attachmentId), files.open(id, attachmentId));
	}

	@DeleteMapping("/{id}/attachments/{attachmentId}")
	@Operation(summary = "Remove an attachment")
	ResponseEntity<Void> detach(@PathVariable long id, @PathVariable UUID attachmentId) {
		files.remove(id, attachmentId);
		return ResponseEntity.noContent().build();
	}
}
