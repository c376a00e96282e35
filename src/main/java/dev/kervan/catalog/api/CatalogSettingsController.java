package dev.kervan.catalog.api;

import static dev.kervan.catalog.api.CatalogAnswers.all;
import static dev.kervan.catalog.api.CatalogAnswers.created;


import dev.kervan.catalog.internal.ProductCategories;
import dev.kervan.catalog.internal.ProductParts;
import dev.kervan.catalog.internal.Units;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
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
		return all(units.list());
	}

	@PostMapping("/units")
	@Operation(summary = "Add a unit", description = "code, name; baseUnit and factor for a unit that converts (BOX6 = 6 × PCS)")
	ResponseEntity<Units.Unit> createUnit(@RequestBody Units.NewUnit command) {
		return created("/api/v1/units", units.create(command), Units.Unit::id);
	}

	@GetMapping("/product-categories")
	@Operation(summary = "The category tree, parents before children, with each category's path")
	KeysetPage<ProductCategories.Category> categories() {
		return all(categories.list());
	}

	@PostMapping("/product-categories")
	@Operation(summary = "Add a product category")
	ResponseEntity<ProductCategories.Category> createCategory(@RequestBody ProductCategories.NewProductCategory command) {
		return created("/api/v1/product-categories", categories.create(command), ProductCategories.Category::id);
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
			@RequestBody ProductCategories.ProductCategoryChange change) {
		return categories.rename(id, ExpectedVersion.requiredVersion(ifMatch, change.version()), change);
	}

	@GetMapping("/attributes")
	@Operation(summary = "Product attributes and their values")
	KeysetPage<ProductParts.Attribute> attributes() {
		return all(parts.attributes());
	}

	@PostMapping("/attributes")
	@Operation(summary = "Define an attribute and its values", description = "{\"name\":\"Colour\",\"values\":[\"Red\",\"Blue\"]}")
	ResponseEntity<ProductParts.Attribute> createAttribute(@RequestBody ProductParts.NewProductAttribute command) {
		return created("/api/v1/attributes", parts.createAttribute(command), ProductParts.Attribute::id);
	}

	@GetMapping("/competitors")
	@Operation(summary = "Competitors whose prices were recorded")
	KeysetPage<ProductParts.Competitor> competitors() {
		return all(parts.competitors());
	}
}
