package dev.kervan.catalog.web;

import dev.kervan.catalog.internal.CatalogPicks;
import dev.kervan.platform.Picker;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The picker sources of products, product categories and price lists (platform.Picker). */
@RestController
class CatalogPickers {

	private final CatalogPicks picks;

	CatalogPickers(CatalogPicks picks) {
		this.picks = picks;
	}

	/** Active products by code, name in any language, brand, model or barcode. */
	@GetMapping("/pick/products")
	Picker.Answer products(@RequestParam(required = false) @Nullable String q) {
		return Picker.answer(picks.products(q));
	}

	/** Product categories by their path. */
	@GetMapping("/pick/product-categories")
	Picker.Answer categories(@RequestParam(required = false) @Nullable String q) {
		return Picker.answer(picks.categories(q));
	}

	/** Active price lists by name or currency. */
	@GetMapping("/pick/price-lists")
	Picker.Answer priceLists(@RequestParam(required = false) @Nullable String q) {
		return Picker.answer(picks.priceLists(q));
	}
}
