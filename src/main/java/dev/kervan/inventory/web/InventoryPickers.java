package dev.kervan.inventory.web;

import dev.kervan.inventory.internal.Warehouses;
import dev.kervan.platform.Picker;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The picker source of warehouses (platform.Picker). */
@RestController
class InventoryPickers {

	private final Warehouses warehouses;

	InventoryPickers(Warehouses warehouses) {
		this.warehouses = warehouses;
	}

	/** Active warehouses by code or name, in code order. */
	@GetMapping("/pick/warehouses")
	Picker.Answer warehouses(@RequestParam(required = false) @Nullable String q) {
		return Picker.answer(warehouses.picks(q));
	}
}
