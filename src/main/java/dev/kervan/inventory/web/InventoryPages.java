package dev.kervan.inventory.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kervan.catalog.Catalog;
import dev.kervan.catalog.ProductFacts;
import dev.kervan.inventory.internal.InventoryPageModels;
import dev.kervan.inventory.internal.InventoryPolicy;
import dev.kervan.inventory.internal.ReplenishmentExport;
import dev.kervan.inventory.internal.Reservations;
import dev.kervan.inventory.internal.StockLedger;
import dev.kervan.inventory.internal.StockLevelExport;
import dev.kervan.inventory.internal.StockMoveType;
import dev.kervan.inventory.internal.Warehouses;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.FormState;
import dev.kervan.platform.Forms;
import dev.kervan.platform.PatchDocument;
import dev.kervan.platform.TableExport;
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
	private final StockLevelExport stockExport;
	private final ReplenishmentExport replenishmentExport;
	private final Forms forms;

	InventoryPages(InventoryPageModels pages, StockLedger ledger, Warehouses warehouses, Reservations reservations,
			InventoryPolicy policy, Catalog catalog, StockLevelExport stockExport, ReplenishmentExport replenishmentExport,
			Forms forms) {
		this.pages = pages;
		this.ledger = ledger;
		this.warehouses = warehouses;
		this.reservations = reservations;
		this.policy = policy;
		this.catalog = catalog;
		this.stockExport = stockExport;
		this.replenishmentExport = replenishmentExport;
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
		stockExport.write(warehouseId, TableExport.Format.of(format), response);
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
		var blank = new ArrayList<EnteredLine>();
		for (int i = 0; i < BLANK_LINES; i++) {
			blank.add(EnteredLine.blank());
		}
		model.addAttribute("form", FormState.of(Map.of("type", type.name())));
		model.addAttribute("lines", blank);
		return moveForm(type, model);
	}

	/** A line as typed or scanned: the product by code or barcode, and the rest as text. */
	record EnteredLine(String code, String quantity, String unit, String lot, String expiry, String serials,
			@Nullable String error) {

		static EnteredLine blank() {
			return new EnteredLine("", "", "", "", "", "", null);
		}

		boolean isEmpty() {
			return code.isBlank() && quantity.isBlank() && serials.isBlank();
		}

		EnteredLine withError(@Nullable String message) {
			return message == null ? this : new EnteredLine(code, quantity, unit, lot, expiry, serials,
					error == null ? message : error + " " + message);
		}
	}

	@PostMapping("/moves")
	String post(@RequestParam MultiValueMap<String, String> submitted, Model model) {
		FormState form = FormState.from(submitted, Set.of("type", "warehouseId", "toWarehouseId", "reason", "reference"), Set.of())
			.showingItems("lines");
		ObjectNode body = form.toJson(true, Set.of());
		var lines = body.putArray("lines");
		var checked = new ArrayList<EnteredLine>();
		boolean unknownProduct = false;
		boolean counting = "ADJUSTMENT".equals(form.value("type")) && submitted.containsKey("counted");
		for (EnteredLine line : enteredLines(submitted)) {
			if (line.isEmpty()) {
				continue;
			}
			ProductFacts product = line.code().isBlank() ? null : catalog.findByCodeOrBarcode(line.code()).orElse(null);
			if (product == null) {
				unknownProduct = true;
				checked.add(line.withError(forms.message("inventory.unknown-code", line.code())));
				continue;
			}
			// An adjustment may be a count: the quantities are then what is on the shelf, not the change.
			ObjectNode item = lines.addObject().put("productId", product.id())
				.put(counting ? "countedQuantity" : "quantity", line.quantity());
			putIfGiven(item, "unit", line.unit());
			putIfGiven(item, "lot", line.lot());
			putIfGiven(item, "expiry", line.expiry());
			var serialList = item.putArray("serials");
			for (String serial : line.serials().split("[\\s,;]+")) {
				if (!serial.isBlank()) {
					serialList.add(serial);
				}
			}
			checked.add(line);
		}
		boolean refusedLines = unknownProduct;
		return forms.submit(form, model, () -> {
			if (refusedLines) {
				throw new DomainException(ErrorKind.INVALID, "inventory.fix-lines");
			}
			return "redirect:/inventory/moves/" + ledger.post(PatchDocument.of(body)).id() + "?posted";
		}, () -> {
			model.addAttribute("lines", withLineErrors(checked, form));
			return moveForm(typeOf(form), model);
		});
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

	private static void putIfGiven(ObjectNode item, String field, String value) {
		if (!value.isBlank()) {
			item.put(field, value.strip());
		}
	}

	private static List<EnteredLine> enteredLines(MultiValueMap<String, String> submitted) {
		List<String> codes = submitted.getOrDefault("code", List.of());
		var lines = new ArrayList<EnteredLine>();
		for (int i = 0; i < codes.size(); i++) {
			lines.add(new EnteredLine(at(codes, i), at(submitted.get("quantity"), i), at(submitted.get("unit"), i),
					at(submitted.get("lot"), i), at(submitted.get("expiry"), i), at(submitted.get("serials"), i), null));
		}
		return lines;
	}

	private static String at(@Nullable List<String> values, int index) {
		return values == null || index >= values.size() || values.get(index) == null ? "" : values.get(index).strip();
	}

	/** Puts the refusal's messages about {@code lines[n].…} beside the n-th line entered. */
	private static List<EnteredLine> withLineErrors(List<EnteredLine> lines, FormState form) {
		var result = new ArrayList<EnteredLine>();
		for (int i = 0; i < lines.size(); i++) {
			result.add(lines.get(i).withError(form.errorsOf("lines", i)));
		}
		while (result.size() < BLANK_LINES) {
			result.add(EnteredLine.blank());
		}
		return result;
	}

	/** What a scanner's code names, for the entry form's script: the product's id, code, name and tracking. */
	@GetMapping("/lookup")
	@ResponseBody
	ResponseEntity<Map<String, Object>> lookup(@RequestParam String code) {
		policy.requireReader();
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
		replenishmentExport.write(warehouseId, TableExport.Format.of(format), response);
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
			warehouses.create(PatchDocument.of(form.toJson(true, Set.of())));
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
				() -> warehouses.addLocation(id, PatchDocument.of(form.toJson(true, Set.of()))));
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
				() -> reservations.create(PatchDocument.of(form.toJson(true, Set.of()))));
	}

	@PostMapping("/reservations/{id}/release")
	String release(@PathVariable long id, RedirectAttributes redirect) {
		long productId = reservations.get(id).productId();
		return forms.andBack("/products/" + productId + "#stock", redirect, null, () -> reservations.release(id));
	}
}
