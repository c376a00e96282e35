package dev.kervan.inventory.api;


import dev.kervan.inventory.StockFigures;
import dev.kervan.inventory.StockMoveType;
import dev.kervan.inventory.internal.NewLocation;
import dev.kervan.inventory.internal.NewReservation;
import dev.kervan.inventory.internal.NewWarehouse;
import dev.kervan.inventory.internal.Replenishment;
import dev.kervan.inventory.internal.Reservations;
import dev.kervan.inventory.internal.SerialNumbers;
import dev.kervan.inventory.internal.StockLedger;
import dev.kervan.inventory.internal.StockLevels;
import dev.kervan.inventory.internal.StockMoveDraft;
import dev.kervan.inventory.internal.StockMoveView;
import dev.kervan.inventory.internal.WarehouseChange;
import dev.kervan.inventory.internal.Warehouses;
import dev.kervan.platform.Created;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.RestController;

/** Warehouses, the stock ledger, stock figures, reservations, serial numbers and the replenishment report. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Inventory")
class InventoryController {

	private final Warehouses warehouses;
	private final StockLedger ledger;
	private final StockLevels levels;
	private final Reservations reservations;
	private final SerialNumbers serials;
	private final Replenishment replenishment;

	InventoryController(Warehouses warehouses, StockLedger ledger, StockLevels levels, Reservations reservations,
			SerialNumbers serials, Replenishment replenishment) {
		this.warehouses = warehouses;
		this.ledger = ledger;
		this.levels = levels;
		this.reservations = reservations;
		this.serials = serials;
		this.replenishment = replenishment;
	}

	@GetMapping("/warehouses")
	@Operation(summary = "Warehouses")
	KeysetPage<Warehouses.Warehouse> warehouses() {
		return new KeysetPage<>(warehouses.list(), null);
	}

	@PostMapping("/warehouses")
	@Operation(summary = "Add a warehouse")
	ResponseEntity<Warehouses.Warehouse> createWarehouse(@RequestBody NewWarehouse command) {
		Warehouses.Warehouse warehouse = warehouses.create(command);
		return Created.at("/api/v1/warehouses/", warehouse.id(), warehouse);
	}

	@GetMapping("/warehouses/{id}")
	@Operation(summary = "A warehouse")
	Warehouses.Warehouse warehouse(@PathVariable long id) {
		return warehouses.get(id);
	}

	@PatchMapping("/warehouses/{id}")
	@Operation(summary = "Change a warehouse", description = "Send the version you read in If-Match or as version.")
	Warehouses.Warehouse updateWarehouse(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody WarehouseChange change) {
		return warehouses.update(id, ExpectedVersion.requiredVersion(ifMatch, change.version()), change);
	}

	@GetMapping("/warehouses/{id}/locations")
	@Operation(summary = "A warehouse's locations")
	KeysetPage<Warehouses.Location> locations(@PathVariable long id) {
		return new KeysetPage<>(warehouses.locations(id), null);
	}

	@PostMapping("/warehouses/{id}/locations")
	@Operation(summary = "Add a location to a warehouse")
	ResponseEntity<Warehouses.Location> addLocation(@PathVariable long id, @RequestBody NewLocation command) {
		return ResponseEntity.status(201).body(warehouses.addLocation(id, command));
	}

	@GetMapping("/stock-moves")
	@Operation(summary = "The stock ledger, newest first")
	KeysetPage<StockMoveView> moves(@RequestParam(required = false) @Nullable Long productId,
			@RequestParam(required = false) @Nullable Long warehouseId, @RequestParam(required = false) @Nullable StockMoveType type,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(required = false) @Nullable Integer limit) {
		return ledger.list(productId, warehouseId, type, cursor, PageLimit.of(limit));
	}

	@PostMapping("/stock-moves")
	@Operation(summary = "Post a receipt, issue, transfer or adjustment",
			description = "type, warehouseId, toWarehouseId (transfers), reason (required for adjustments), reference, customerId (issues), "
					+ "lines: [{productId, quantity, unit, serials, lot, expiry, reservationId (issues), countedQuantity (adjustments)}]. "
					+ "Serial-tracked products need one serial per unit received; issues take the named serials or the oldest, and "
					+ "lots the named lot or the first to expire. Not enough stock → 409 with available; nothing is written.")
	ResponseEntity<StockMoveView> post(@RequestBody StockMoveDraft draft) {
		StockMoveView move = ledger.post(draft);
		return Created.at("/api/v1/stock-moves/", move.id(), move);
	}

	@GetMapping("/stock-moves/{id}")
	@Operation(summary = "A stock move with its lines")
	StockMoveView move(@PathVariable long id) {
		return ledger.get(id);
	}

	@GetMapping("/stock-levels")
	@Operation(summary = "On hand, reserved, available and incoming per product and warehouse",
			description = "With productId: that product in every active warehouse (or warehouseId), zeros included. Without: every "
					+ "product and warehouse with stock, in product code order, paged.")
	KeysetPage<StockFigures> levels(@RequestParam(required = false) @Nullable Long productId,
			@RequestParam(required = false) @Nullable Long warehouseId, @RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		return levels.list(productId, warehouseId, cursor, PageLimit.of(limit));
	}

	@GetMapping("/stock-levels/lots")
	@Operation(summary = "A product's lots on hand, first to expire first")
	KeysetPage<StockLevels.LotBalance> lots(@RequestParam long productId) {
		return new KeysetPage<>(levels.lots(productId), null);
	}

	@GetMapping("/reservations")
	@Operation(summary = "Reservations, newest first, filtered by product, warehouse and status")
	KeysetPage<Reservations.Reservation> reservations(@RequestParam(required = false) @Nullable Long productId,
			@RequestParam(required = false) @Nullable Long warehouseId,
			@RequestParam(required = false) Reservations.@Nullable Status status,
			@RequestParam(required = false) @Nullable Integer limit) {
		return new KeysetPage<>(reservations.list(productId, warehouseId, status, PageLimit.of(limit).value()), null);
	}

	@PostMapping("/reservations")
	@Operation(summary = "Reserve stock", description = "productId, warehouseId, quantity, reference (or referenceType + referenceId), "
			+ "customerId, serial (one unit of a serial-tracked product). 409 with the available quantity when there is not enough.")
	ResponseEntity<Reservations.Reservation> reserve(@RequestBody NewReservation command) {
		Reservations.Reservation reservation = reservations.create(command);
		return Created.at("/api/v1/reservations/", reservation.id(), reservation);
	}

	@GetMapping("/reservations/{id}")
	@Operation(summary = "A reservation")
	Reservations.Reservation reservation(@PathVariable long id) {
		return reservations.get(id);
	}

	@DeleteMapping("/reservations/{id}")
	@Operation(summary = "Release a reservation")
	ResponseEntity<Void> release(@PathVariable long id) {
		reservations.release(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/serials")
	@Operation(summary = "Serial numbers, filtered by product, warehouse and status")
	KeysetPage<SerialNumbers.Serial> serials(@RequestParam(required = false) @Nullable Long productId,
			@RequestParam(required = false) @Nullable Long warehouseId,
			@RequestParam(required = false) SerialNumbers.@Nullable Status status,
			@RequestParam(required = false) @Nullable Integer limit) {
		return new KeysetPage<>(serials.list(productId, warehouseId, status, PageLimit.of(limit).value()), null);
	}

	@GetMapping("/serials/{serial}")
	@Operation(summary = "A serial number: product, status, where it is, who bought it, and its history")
	SerialNumbers.Serial serial(@PathVariable String serial, @RequestParam(required = false) @Nullable Long productId) {
		return serials.find(serial, productId);
	}

	@GetMapping("/replenishment")
	@Operation(summary = "Products below their minimum (available + incoming), with the quantity to order and the preferred supplier")
	KeysetPage<ReplenishmentLineView> replenishment(@RequestParam(required = false) @Nullable Long warehouseId) {
		return new KeysetPage<>(replenishment.report(warehouseId).stream().map(ReplenishmentLineView::of).toList(), null);
	}

	/** 201 with the new record and where it is. */
}
