package dev.kervan.inventory.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.kervan.catalog.Catalog;
import dev.kervan.catalog.ProductFacts;
import dev.kervan.inventory.StockMoveType;
import dev.kervan.inventory.internal.InventoryPageModels;
import dev.kervan.inventory.internal.InventoryPolicy;
import dev.kervan.inventory.internal.NewLocation;
import dev.kervan.inventory.internal.NewReservation;
import dev.kervan.inventory.internal.NewWarehouse;
import dev.kervan.inventory.internal.Reservations;
import dev.kervan.inventory.internal.StockLedger;
import dev.kervan.inventory.internal.StockExports;
import dev.kervan.inventory.internal.StockMoveDraft;
import dev.kervan.inventory.internal.Warehouses;
import dev.kervan.platform.Checks;
import dev.kervan.platform.Commands;
import dev.kervan.platform.FormState;
import dev.kervan.platform.Forms;
import dev.kervan.platform.TableExport;
import dev.kervan.platform.TextHygiene;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.node.ObjectNode;

/**
 * The warehouse's pages: the stock overview, the ledger and the entry of moves (made for a barcode scanner: a scan
 * adds a line or counts one more), a move, the replenishment report, warehouses, serial number look-up, and the
 * reservation form of the product page.
 */
@Controller
@RequestMapping("/inventory")
class InventoryPages {

	/** Lines the entry form offers without JavaScript; with it, scanning adds as many as needed. */
	private static final int BLANK_LINES = 5;

	private final InventoryPageModels pages;
	private final StockLedger ledger;
	private final Warehouses warehouses;
	private final Reservations reservations;
	private final InventoryPolicy policy;
	private final Catalog catalog;
	private final StockExports exports;
	private final Forms forms;
	private final Commands commands;

	InventoryPages(InventoryPageModels pages, StockLedger ledger, Warehouses warehouses, Reservations reservations,
			InventoryPolicy policy, Catalog catalog, StockExports exports, Forms forms, Commands commands) {
		this.commands = commands;
		this.pages = pages;
		this.ledger = ledger;
		this.warehouses = warehouses;
		this.reservations = reservations;
		this.policy = policy;
		this.catalog = catalog;
		this.exports = exports;
		this.forms = forms;
	}

	@GetMapping
	String overview(@RequestParam(required = false) @Nullable Long warehouseId, @RequestParam(required = false) @Nullable String cursor,
			Model model) {
		model.addAllAttributes(pages.overview(warehouseId, cursor).toModel());
		return "inventory/overview";
	}

	/** The stock alone, for the filter bar. */
	@HxRequest(target = "stock-overview")
	@GetMapping
	String overviewOnly(@RequestParam(required = false) @Nullable Long warehouseId,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		overview(warehouseId, cursor, model);
		return "inventory/overview :: stock-overview";
	}

	@GetMapping("/export")
	void export(@RequestParam(required = false) @Nullable Long warehouseId, @RequestParam(required = false) @Nullable String format,
			HttpServletResponse response) throws IOException {
		exports.levels(warehouseId, TableExport.Format.of(format), response);
	}

	@GetMapping("/moves")
	String moves(@RequestParam(required = false) @Nullable Long warehouseId, @RequestParam(required = false) @Nullable StockMoveType type,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		model.addAllAttributes(pages.ledger(warehouseId, type, cursor).toModel());
		return "inventory/moves";
	}

	/** The ledger alone, for the filter bar. */
	@HxRequest(target = "move-list")
	@GetMapping("/moves")
	String movesOnly(@RequestParam(required = false) @Nullable Long warehouseId,
			@RequestParam(required = false) @Nullable StockMoveType type, @RequestParam(required = false) @Nullable String cursor,
			Model model) {
		moves(warehouseId, type, cursor, model);
		return "inventory/moves :: move-list";
	}

	@GetMapping("/moves/new")
	String newMove(@RequestParam(defaultValue = "RECEIPT") StockMoveType type, Model model) {
		model.addAttribute("form", FormState.of(Map.of("type", type.name())));
		model.addAttribute("lines", EnteredLine.shown(List.of()));
		return moveForm(type, model);
	}

	/**
	 * A line as typed or scanned: the product by code or barcode, and the rest as text. The lines sent are the
	 * draft's lines in their order (blank ones left out), so that a refusal of {@code lines[2].quantity} is shown
	 * beside the quantity of the third line shown again.
	 */
	record EnteredLine(String code, String quantity, String unit, String lot, String expiry, String serials) {

		private static final EnteredLine BLANK = new EnteredLine("", "", "", "", "", "");

		/** The lines filled in, in the order sent. */
		static List<EnteredLine> sent(MultiValueMap<String, String> submitted) {
			List<String> codes = submitted.getOrDefault("code", List.of());
			var lines = new ArrayList<EnteredLine>();
			for (int i = 0; i < codes.size(); i++) {
				var line = new EnteredLine(at(codes, i), at(submitted.get("quantity"), i), at(submitted.get("unit"), i),
						at(submitted.get("lot"), i), at(submitted.get("expiry"), i), at(submitted.get("serials"), i));
				if (!line.code().isBlank() || !line.quantity().isBlank() || !line.serials().isBlank()) {
					lines.add(line);
				}
			}
			return lines;
		}

		/** The lines to show: those entered, then blank ones up to the form's few. */
		static List<EnteredLine> shown(List<EnteredLine> entered) {
			var shown = new ArrayList<>(entered);
			while (shown.size() < BLANK_LINES) {
				shown.add(BLANK);
			}
			return shown;
		}

		/**
		 * The line as the draft's line reads it: the product found by its code, the quantity as counted on the shelf
		 * when {@code counting}, the serial numbers one per word.
		 */
		FormState asDraftLine(ProductFacts product, boolean counting) {
			var values = new HashMap<String, @Nullable String>();
			values.put("productId", String.valueOf(product.id()));
			values.put(counting ? "countedQuantity" : "quantity", quantity);
			values.put("unit", unit);
			values.put("lot", lot);
			values.put("expiry", expiry);
			return FormState.of(values, Map.of("serials", Arrays.stream(serials.split("[\\s,;]+")).filter(s -> !s.isBlank())
				.toList()));
		}

		private static String at(@Nullable List<String> values, int index) {
			return values == null || index >= values.size() || values.get(index) == null ? "" : values.get(index).strip();
		}
	}

	@PostMapping("/moves")
	String post(@RequestParam MultiValueMap<String, String> submitted, Model model) {
		// The type is a hidden field: a refusal of it goes above the form.
		FormState form = FormState.from(submitted, Set.of("type", "warehouseId", "toWarehouseId", "reason", "reference"), Set.of())
			.showing(Set.of("warehouseId", "toWarehouseId", "reason", "reference"))
			.showingItems("lines");
		List<EnteredLine> entered = EnteredLine.sent(submitted);
		model.addAttribute("lines", EnteredLine.shown(entered));
		return forms.submit(form, model,
				() -> "redirect:/inventory/moves/" + ledger.post(draft(form, entered, submitted.containsKey("counted"))).id()
						+ "?posted",
				() -> moveForm(typeOf(form), model));
	}

	/**
	 * The draft the form makes, read as the API reads one. The product of a line is found by its code first: a code
	 * that is missing, holds what no code may, or names no product is refused beside its line before the draft is read.
	 */
	private StockMoveDraft draft(FormState form, List<EnteredLine> entered, boolean counted) {
		// An adjustment may be a count: the quantities are then what is on the shelf, not the change.
		boolean counting = counted && "ADJUSTMENT".equals(form.value("type"));
		var products = new Checks();
		var lines = new ArrayList<FormState>();
		for (int i = 0; i < entered.size(); i++) {
			EnteredLine line = entered.get(i);
			Checks at = products.item("lines", i);
			Optional<String> unreadable = TextHygiene.codeProblem(line.code());
			Optional<ProductFacts> product = unreadable.isPresent() || line.code().isBlank() ? Optional.empty()
					: catalog.findByCodeOrBarcode(line.code());
			if (unreadable.isPresent()) {
				at.reject("productId", unreadable.get());
			}
			else if (line.code().isBlank()) {
				at.reject("productId", "error.value.required");
			}
			else if (product.isEmpty()) {
				at.reject("productId", "inventory.unknown-code", line.code());
			}
			else {
				lines.add(line.asDraftLine(product.get(), counting));
			}
		}
		products.throwIfInvalid();
		ObjectNode fields = form.toJson(true, Set.of());
		lines.forEach(line -> fields.withArray("lines").add(line.toJson(true, Set.of())));
		return commands.read(fields, StockMoveDraft.class);
	}

	private String moveForm(StockMoveType type, Model model) {
		model.addAllAttributes(pages.moveForm(type).toModel());
		return "inventory/move-form";
	}

	/** The type the form was sent with; a wrong one is refused by the ledger, and the form shows receipts again. */
	private static StockMoveType typeOf(FormState form) {
		return Arrays.stream(StockMoveType.values()).filter(t -> t.name().equals(form.value("type"))).findFirst()
			.orElse(StockMoveType.RECEIPT);
	}

	/** What a scanner's code names, for the entry form's script: the product's id, code, name and tracking. */
	@GetMapping("/lookup")
	@ResponseBody
	ResponseEntity<Map<String, Object>> lookup(@RequestParam String code) {
		policy.requireReader();
		if (TextHygiene.codeProblem(code).isPresent()) {
			return ResponseEntity.notFound().build();
		}
		return catalog.findByCodeOrBarcode(code)
			.map(p -> ResponseEntity.ok(Map.<String, Object>of("id", p.id(), "code", p.code(), "name",
					p.name(LocaleContextHolder.getLocale().getLanguage()), "unit", p.unitCode(), "tracking", p.tracking().name())))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@GetMapping("/moves/{id}")
	String move(@PathVariable long id, Model model) {
		model.addAllAttributes(pages.move(id).toModel());
		return "inventory/move";
	}

	@GetMapping("/replenishment")
	String replenishment(@RequestParam(required = false) @Nullable Long warehouseId, Model model) {
		model.addAllAttributes(pages.replenishment(warehouseId).toModel());
		return "inventory/replenishment";
	}

	/** The report alone, for the filter bar. */
	@HxRequest(target = "replenishment")
	@GetMapping("/replenishment")
	String replenishmentOnly(@RequestParam(required = false) @Nullable Long warehouseId, Model model) {
		replenishment(warehouseId, model);
		return "inventory/replenishment :: replenishment";
	}

	@GetMapping("/replenishment/export")
	void exportReplenishment(@RequestParam(required = false) @Nullable Long warehouseId,
			@RequestParam(required = false) @Nullable String format, HttpServletResponse response) throws IOException {
		exports.replenishment(warehouseId, TableExport.Format.of(format), response);
	}

	@GetMapping("/warehouses")
	String warehouses(Model model) {
		model.addAttribute("form", FormState.empty());
		return warehousesPage(model);
	}

	@PostMapping("/warehouses")
	String createWarehouse(@RequestParam MultiValueMap<String, String> submitted, Model model) {
		FormState form = FormState.from(submitted, Set.of("code", "name", "address"), Set.of());
		return forms.submit(form, model, () -> {
			warehouses.create(commands.read(form.toJson(true, Set.of()), NewWarehouse.class));
			return "redirect:/inventory/warehouses";
		}, () -> warehousesPage(model));
	}

	private String warehousesPage(Model model) {
		model.addAllAttributes(pages.warehouses().toModel());
		return "inventory/warehouses";
	}

	@PostMapping("/warehouses/{id}/locations")
	String addLocation(@PathVariable long id, @RequestParam MultiValueMap<String, String> submitted, RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, Set.of("code", "name"), Set.of());
		return forms.andBack("/inventory/warehouses#warehouse-" + id, redirect, null,
				() -> warehouses.addLocation(id, commands.read(form.toJson(true, Set.of()), NewLocation.class)));
	}

	@GetMapping("/serials")
	String serial(@RequestParam(required = false) @Nullable String serial, @RequestParam(required = false) @Nullable Long productId,
			Model model) {
		model.addAllAttributes(pages.serial(serial, productId).toModel());
		return "inventory/serial";
	}

	@PostMapping("/reservations")
	String reserve(@RequestParam MultiValueMap<String, String> submitted, RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, Set.of("productId", "warehouseId", "quantity", "reference", "serial"), Set.of());
		String productId = form.value("productId").matches("\\d{1,18}") ? form.value("productId") : "";
		return forms.andBack("/products/" + productId + "#stock", redirect, "inventory.reserved-done",
				() -> reservations.create(commands.read(form.toJson(true, Set.of()), NewReservation.class)));
	}

	@PostMapping("/reservations/{id}/release")
	String release(@PathVariable long id, RedirectAttributes redirect) {
		long productId = reservations.get(id).productId();
		return forms.andBack("/products/" + productId + "#stock", redirect, null, () -> reservations.release(id));
	}
}
