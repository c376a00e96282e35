package dev.kervan.inventory.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kervan.catalog.Catalog;
import dev.kervan.catalog.ProductFacts;
import dev.kervan.inventory.internal.InventoryPolicy;
import dev.kervan.inventory.internal.Replenishment;
import dev.kervan.inventory.internal.Reservations;
import dev.kervan.inventory.internal.SerialNumbers;
import dev.kervan.inventory.internal.StockLedger;
import dev.kervan.inventory.internal.StockLevelExport;
import dev.kervan.inventory.internal.StockLevels;
import dev.kervan.inventory.internal.StockMoveType;
import dev.kervan.inventory.internal.StockMoveView;
import dev.kervan.inventory.internal.Warehouses;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.FormState;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.PatchDocument;
import dev.kervan.platform.Problems;
import dev.kervan.platform.RecordNotFoundException;
import dev.kervan.platform.TableExport;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
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

	private final StockLedger ledger;
	private final StockLevels levels;
	private final Warehouses warehouses;
	private final Reservations reservations;
	private final SerialNumbers serials;
	private final Replenishment replenishment;
	private final InventoryPolicy policy;
	private final Catalog catalog;
	private final MessageSource messages;
	private final Problems problems;
	private final StockLevelExport stockExport;

	InventoryPages(StockLedger ledger, StockLevels levels, Warehouses warehouses, Reservations reservations,
			SerialNumbers serials, Replenishment replenishment, InventoryPolicy policy, Catalog catalog, MessageSource messages,
			Problems problems, StockLevelExport stockExport) {
		this.stockExport = stockExport;
		this.ledger = ledger;
		this.levels = levels;
		this.warehouses = warehouses;
		this.reservations = reservations;
		this.serials = serials;
		this.replenishment = replenishment;
		this.policy = policy;
		this.catalog = catalog;
		this.messages = messages;
		this.problems = problems;
	}

	@GetMapping
	String overview(@RequestParam(required = false) @Nullable Long warehouseId, @RequestParam(required = false) @Nullable String cursor,
			Model model) {
		model.addAttribute("page", levels.list(null, warehouseId, cursor, PageLimit.of(100)));
		model.addAttribute("warehouses", warehouses.list());
		model.addAttribute("warehouseId", warehouseId);
		model.addAttribute("mayMove", policy.mayMoveStock());
		return "inventory/overview";
	}

	@GetMapping("/export")
	void export(@RequestParam(required = false) @Nullable Long warehouseId, @RequestParam(required = false) @Nullable String format,
			HttpServletResponse response) throws IOException {
		stockExport.write(warehouseId, TableExport.Format.of(format), response);
	}

	@GetMapping("/moves")
	String moves(@RequestParam(required = false) @Nullable Long warehouseId, @RequestParam(required = false) @Nullable StockMoveType type,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		model.addAttribute("page", ledger.list(null, warehouseId, type, cursor, PageLimit.of(50)));
		model.addAttribute("warehouses", warehouses.list());
		model.addAttribute("warehouseId", warehouseId);
		model.addAttribute("type", type == null ? "" : type.name());
		model.addAttribute("types", StockMoveType.values());
		model.addAttribute("mayMove", policy.mayMoveStock());
		return "inventory/moves";
	}

	@GetMapping("/moves/new")
	String newMove(@RequestParam(defaultValue = "RECEIPT") StockMoveType type, Model model) {
		policy.requireWarehouse();
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", FormState.of(Map.of("type", type.name())));
		}
		if (!model.containsAttribute("lines")) {
			var blank = new ArrayList<EnteredLine>();
			for (int i = 0; i < BLANK_LINES; i++) {
				blank.add(EnteredLine.blank());
			}
			model.addAttribute("lines", blank);
		}
		model.addAttribute("type", type);
		model.addAttribute("types", StockMoveType.values());
		model.addAttribute("warehouses", warehouses.list().stream().filter(Warehouses.Warehouse::active).toList());
		return "inventory/move-form";
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
	}

	@PostMapping("/moves")
	String post(@RequestParam MultiValueMap<String, String> submitted, Model model, HttpServletResponse response) {
		FormState form = FormState.from(submitted, Set.of("type", "warehouseId", "toWarehouseId", "reason", "reference"), Set.of());
		List<EnteredLine> entered = enteredLines(submitted);
		ObjectNode body = form.toJson(true, Set.of());
		var lines = body.putArray("lines");
		var checked = new ArrayList<EnteredLine>();
		boolean unknownProduct = false;
		boolean counting = "ADJUSTMENT".equals(form.value("type")) && submitted.containsKey("counted");
		for (EnteredLine line : entered) {
			if (line.isEmpty()) {
				continue;
			}
			ProductFacts product = line.code().isBlank() ? null : catalog.findByCodeOrBarcode(line.code()).orElse(null);
			if (product == null) {
				unknownProduct = true;
				checked.add(new EnteredLine(line.code(), line.quantity(), line.unit(), line.lot(), line.expiry(), line.serials(),
						messages.getMessage("inventory.unknown-code", new Object[] { line.code() }, LocaleContextHolder.getLocale())));
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
		try {
			if (unknownProduct) {
				throw new DomainException(dev.kervan.platform.ErrorKind.INVALID, "inventory.fix-lines");
			}
			StockMoveView move = ledger.post(PatchDocument.of(body));
			return "redirect:/inventory/moves/" + move.id() + "?posted";
		}
		catch (DomainException refusal) {
			model.addAttribute("form", form.reject(refusal, messages));
			model.addAttribute("lines", withLineErrors(checked, refusal));
			response.setStatus(refusal.kind().status() == 409 ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
			StockMoveType type = StockMoveType.RECEIPT;
			try {
				type = StockMoveType.valueOf(form.value("type"));
			}
			catch (IllegalArgumentException e) {
				// the refusal already says the type is wrong
			}
			return newMove(type, model);
		}
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
	private List<EnteredLine> withLineErrors(List<EnteredLine> lines, DomainException refusal) {
		var result = new ArrayList<>(lines);
		var locale = LocaleContextHolder.getLocale();
		for (var violation : refusal.violations()) {
			var matcher = java.util.regex.Pattern.compile("lines\\[(\\d+)]\\.?(.*)").matcher(violation.field());
			if (matcher.matches()) {
				int index = Integer.parseInt(matcher.group(1));
				if (index < result.size()) {
					EnteredLine line = result.get(index);
					String message = messages.getMessage(violation.messageCode(), violation.arguments(), violation.messageCode(), locale);
					String error = line.error() == null ? message : line.error() + " " + message;
					result.set(index, new EnteredLine(line.code(), line.quantity(), line.unit(), line.lot(), line.expiry(),
							line.serials(), error));
				}
			}
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
		model.addAttribute("move", ledger.get(id));
		return "inventory/move";
	}

	@GetMapping("/replenishment")
	String replenishment(@RequestParam(required = false) @Nullable Long warehouseId, Model model) {
		model.addAttribute("lines", replenishment.report(warehouseId));
		model.addAttribute("warehouses", warehouses.list());
		model.addAttribute("warehouseId", warehouseId);
		return "inventory/replenishment";
	}

	@GetMapping("/replenishment/export")
	void exportReplenishment(@RequestParam(required = false) @Nullable Long warehouseId,
			@RequestParam(required = false) @Nullable String format, HttpServletResponse response) throws IOException {
		List<Replenishment.Line> lines = replenishment.report(warehouseId);
		TableExport.Format chosen = TableExport.Format.of(format);
		TableExport.startDownload(response, chosen, "replenishment");
		List<String> headers = List.of("code", "name", "unit", "min", "max", "on-hand", "reserved", "available", "incoming",
				"to-order", "supplier", "supplier-code", "price", "currency", "lead-days")
			.stream().map(h -> problems.message("inventory.replenishment.column." + h)).toList();
		TableExport.write(chosen, response.getOutputStream(), problems.message("menu.replenishment"), headers, rows -> {
			for (Replenishment.Line l : lines) {
				rows.add(java.util.Arrays.asList(l.productCode(), l.productName(), l.unit(), l.minStock(), l.maxStock(), l.onHand(),
						l.reserved(), l.available(), l.incoming(), l.toOrder(), l.supplierName(), l.supplierCode(), l.supplierPrice(),
						l.supplierCurrency(), l.leadDays()));
			}
		});
	}

	@GetMapping("/warehouses")
	String warehouses(Model model) {
		model.addAttribute("warehouses", warehouses.list());
		model.addAttribute("locations", warehouses.locationsByWarehouse());
		model.addAttribute("mayMove", policy.mayMoveStock());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", FormState.empty());
		}
		return "inventory/warehouses";
	}

	@PostMapping("/warehouses")
	String createWarehouse(@RequestParam MultiValueMap<String, String> submitted, Model model, HttpServletResponse response) {
		FormState form = FormState.from(submitted, Set.of("code", "name", "address"), Set.of());
		try {
			warehouses.create(PatchDocument.of(form.toJson(true, Set.of())));
			return "redirect:/inventory/warehouses";
		}
		catch (DomainException refusal) {
			model.addAttribute("form", form.reject(refusal, messages));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return warehouses(model);
		}
	}

	@PostMapping("/warehouses/{id}/locations")
	String addLocation(@PathVariable long id, @RequestParam MultiValueMap<String, String> submitted, RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, Set.of("code", "name"), Set.of());
		try {
			warehouses.addLocation(id, PatchDocument.of(form.toJson(true, Set.of())));
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("problem", problems.describe(refusal));
		}
		return "redirect:/inventory/warehouses#warehouse-" + id;
	}

	@GetMapping("/serials")
	String serial(@RequestParam(required = false) @Nullable String serial, @RequestParam(required = false) @Nullable Long productId,
			Model model) {
		policy.requireReader();
		model.addAttribute("query", serial == null ? "" : serial);
		if (serial != null && !serial.isBlank()) {
			try {
				model.addAttribute("serial", serials.find(serial, productId));
			}
			catch (RecordNotFoundException missing) {
				model.addAttribute("notFound", true);
			}
		}
		return "inventory/serial";
	}

	@PostMapping("/reservations")
	String reserve(@RequestParam MultiValueMap<String, String> submitted, RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, Set.of("productId", "warehouseId", "quantity", "reference", "serial"), Set.of());
		String productId = form.value("productId").matches("\\d{1,18}") ? form.value("productId") : "";
		try {
			reservations.create(PatchDocument.of(form.toJson(true, Set.of())));
			redirect.addFlashAttribute("message", messages.getMessage("inventory.reserved-done", null, LocaleContextHolder.getLocale()));
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("problem", problems.describe(refusal));
		}
		return "redirect:/products/" + productId + "#stock";
	}

	@PostMapping("/reservations/{id}/release")
	String release(@PathVariable long id, RedirectAttributes redirect) {
		long productId = reservations.get(id).productId();
		try {
			reservations.release(id);
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("problem", problems.describe(refusal));
		}
		return "redirect:/products/" + productId + "#stock";
	}
}
