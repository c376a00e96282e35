package dev.kervan.catalog.api;

import java.net.URI;

import dev.kervan.catalog.internal.ProductCategories;
import dev.kervan.catalog.internal.ProductParts;
import dev.kervan.catalog.internal.Units;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.PatchDocument;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Units, product categories, attributes and competitors. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Catalog")
class CatalogSettingsController {

	private final Units units;
	private final ProductCategories categories;
	private final ProductParts parts;

	CatalogSettingsController(Units units, ProductCategories categories, ProductParts parts) {
		this.units = units;
		this.categories = categories;
		this.parts = parts;
	}

	@GetMapping("/units")
	@Operation(summary = "Units, with their conversions to a base unit")
	KeysetPage<Units.Unit> units() {
		return new KeysetPage<>(units.list(), null);
	}

	@PostMapping("/units")
	@Operation(summary = "Add a unit", description = "code, name; baseUnit and factor for a unit that converts (BOX6 = 6 × PCS)")
	ResponseEntity<Units.Unit> createUnit(
			@RequestBody @Schema(implementation = CatalogRequests.NewUnit.class) JsonNode body) {
		Units.Unit unit = units.create(PatchDocument.of(body));
		return ResponseEntity.created(URI.create("/api/v1/units/" + unit.id())).body(unit);
	}

	@GetMapping("/product-categories")
	@Operation(summary = "The category tree, parents before children, with each category's path")
	KeysetPage<ProductCategories.Category> categories() {
		return new KeysetPage<>(categories.list(), null);
	}

	@PostMapping("/product-categories")
	@Operation(summary = "Add a product category")
	ResponseEntity<ProductCategories.Category> createCategory(
			@RequestBody @Schema(implementation = CatalogRequests.NewCategory.class) JsonNode body) {
		ProductCategories.Category category = categories.create(PatchDocument.of(body));
		return ResponseEntity.created(URI.create("/api/v1/product-categories/" + category.id())).body(category);
	}

	@GetMapping("/product-categories/{id}")
	@Operation(summary = "A product category, with its path")
	ProductCategories.Category category(@PathVariable long id) {
		return categories.get(id);
	}

	@PatchMapping("/product-categories/{id}")
	@Operation(summary = "Rename a category", description = "Send the version you read in If-Match or as version.")
	ProductCategories.Category renameCategory(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody @Schema(implementation = CatalogRequests.CategoryChange.class) JsonNode body) {
		return categories.rename(id, ExpectedVersion.required(ifMatch, body), PatchDocument.of(body));
	}

	@GetMapping("/attributes")
	@Operation(summary = "Product attributes and their values")
	KeysetPage<ProductParts.Attribute> attributes() {
		return new KeysetPage<>(parts.attributes(), null);
	}

	@PostMapping("/attributes")
	@Operation(summary = "Define an attribute and its values", description = "{\"name\":\"Colour\",\"values\":[\"Red\",\"Blue\"]}")
	ResponseEntity<ProductParts.Attribute> createAttribute(
			@RequestBody @Schema(implementation = CatalogRequests.NewAttribute.class) JsonNode body) {
		ProductParts.Attribute attribute = parts.createAttribute(PatchDocument.of(body));
		return ResponseEntity.created(URI.create("/api/v1/attributes/" + attribute.id())).body(attribute);
	}

	@GetMapping("/competitors")
	@Operation(summary = "Competitors whose prices were recorded")
	KeysetPage<ProductParts.Competitor> competitors() {
		return new KeysetPage<>(parts.competitors(), null);
	}
}
