package dev.kervan.inventory;

import static dev.kervan.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.KervanIntegrationTest;
import dev.kervan.support.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class InventoryApiIntegrationTests extends KervanIntegrationTest {

	private static final ZoneId ISTANBUL = ZoneId.of("Europe/Istanbul");

	@Autowired
	private SettableClock clock;

	private String admin;
	private long warehouse;
	private long otherWarehouse;

	@BeforeEach
	void setUp() {
		admin = api.token("admin", ADMIN_PASSWORD);
		warehouse = warehouse("Main");
		otherWarehouse = warehouse("Branch");
	}

	@Test
	void aReceiptAndAnIssueChangeOnHandAndTheLedgerKeepsBoth() {
		long product = product("NONE", Map.of("minStock", "5", "maxStock", "40"));
		Response receipt = move("RECEIPT", warehouse, List.of(line(product, "12")));
		assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
		assertThat(receipt.json().get("number").asString()).matches("SM-\\d{4}-\\d{6}");
		assertThat(level(product, warehouse).get("onHand").asString()).isEqualTo("12");

		Response issue = move("ISSUE", warehouse, List.of(line(product, "5")));
		assertThat(issue.status()).as(issue.body()).isEqualTo(201);
		assertThat(issue.json().get("lines").get(0).get("baseQuantity").asString()).isEqualTo("-5");
		JsonNode level = level(product, warehouse);
		assertThat(level.get("onHand").asString()).isEqualTo("7");
		assertThat(level.get("available").asString()).isEqualTo("7");
		assertThat(level.get("incoming").asString()).isEqualTo("0");
		assertThat(level.get("belowMinimum").asBoolean()).isFalse();

		JsonNode ledger = api.get("/api/v1/stock-moves?productId=" + product).bearer(admin).send().json().get("items");
		assertThat(ledger).hasSize(2);
		assertThat(ledger.get(0).get("type").asString()).isEqualTo("ISSUE");
	}

	@Test
	void aMoveTakesItsNumbersYearAndItsWarrantyFromTheClockWhereTheCompanyIs() {
		long product = product("SERIAL", Map.of("warrantyLength", 24, "warrantyUnit", "MONTHS"));
		String serial = Api.uniqueName("SN");
		try {
			clock.setTo(ZonedDateTime.of(2026, 12, 31, 23, 59, 0, 0, ISTANBUL));
			Response lastOfTheYear = move("RECEIPT", warehouse, List.of(serialLine(product, List.of(serial))));
			assertThat(lastOfTheYear.status()).as(lastOfTheYear.body()).isEqualTo(201);
			assertThat(lastOfTheYear.json().get("number").asString()).startsWith("SM-2026-");
			assertThat(Instant.parse(lastOfTheYear.json().get("movedAt").asString())).isEqualTo("2026-12-31T20:59:00Z");

			// Two minutes later it is 2027 in Istanbul, and still 2026 in UTC.
			clock.setTo(ZonedDateTime.of(2027, 1, 1, 0, 1, 0, 0, ISTANBUL));
			Response firstOfTheYear = move("ISSUE", warehouse, List.of(serialLine(product, List.of(serial))));
			assertThat(firstOfTheYear.status()).as(firstOfTheYear.body()).isEqualTo(201);
			assertThat(firstOfTheYear.json().get("number").asString()).startsWith("SM-2027-");
			assertThat(Instant.parse(firstOfTheYear.json().get("movedAt").asString())).isEqualTo("2026-12-31T21:01:00Z");
			assertThat(api.get("/api/v1/serials/" + serial).bearer(admin).send().json().get("warrantyEnd").asString())
				.isEqualTo("2029-01-01");
		}
		finally {
			clock.reset();
		}
	}

	@Test
	void anIssueOfMoreThanOnHandIsRefusedAndChangesNothing() {
		long product = product("NONE", Map.of());
		move("RECEIPT", warehouse, List.of(line(product, "3")));
		long second = product("NONE", Map.of());
		move("RECEIPT", warehouse, List.of(line(second, "10")));
		Response refused = move("ISSUE", warehouse, List.of(line(second, "2"), line(product, "4")));
		assertProblem(refused, 409, "error.stock.not-enough");
		assertThat(refused.json().get("available").asString()).isEqualTo("3");
		assertThat(level(product, warehouse).get("onHand").asString()).isEqualTo("3");
		assertThat(level(second, warehouse).get("onHand").asString()).isEqualTo("10");
		assertThat(api.get("/api/v1/stock-moves?productId=" + second).bearer(admin).send().json().get("items")).hasSize(1);
	}

	@Test
	void badLinesAreAnsweredFieldByFieldAndChangeNothing() {
		long product = product("NONE", Map.of());
		Response negative = move("RECEIPT", warehouse, List.of(line(product, "-2")));
		assertProblem(negative, 400, "error.validation");
		assertThat(negative.body()).contains("lines[0].quantity");
		Map<String, Object> badUnit = new HashMap<>(line(product, "2"));
		badUnit.put("unit", "PARSEC");
		assertThat(move("RECEIPT", warehouse, List.of(badUnit)).body()).contains("lines[0].unit");
		Map<String, Object> kilos = new HashMap<>(line(product, "2"));
		kilos.put("unit", "KG");
		assertProblem(move("RECEIPT", warehouse, List.of(kilos)), 400, "error.validation");
		assertProblem(api.post("/api/v1/stock-moves", Map.of("type", "ADJUSTMENT", "warehouseId", warehouse, "lines",
				List.of(line(product, "2")))).bearer(admin).send(), 400, "error.validation");
		assertProblem(api.post("/api/v1/stock-moves", Map.of("type", "TRANSFER", "warehouseId", warehouse, "lines",
				List.of(line(product, "2")))).bearer(admin).send(), 400, "error.validation");
		assertProblem(api.post("/api/v1/stock-moves", Map.of("type", "RECEIPT", "warehouseId", 999999, "lines", List.of()))
			.bearer(admin).send(), 400, "error.validation");
		assertProblem(api.post("/api/v1/stock-moves", "[1,2]").bearer(admin).send(), 400, "error.body-shape");
		assertThat(level(product, warehouse).get("onHand").asString()).isEqualTo("0");
	}

	@Test
	void aProductWithStockMovesKeepsItsUnitAndTracking() {
		long product = product("NONE", Map.of());
		assertThat(api.patch("/api/v1/products/" + product, Map.of("unit", "KG"))
			.header("If-Match", "*")
			.bearer(admin).send().status()).isEqualTo(200);
		move("RECEIPT", warehouse, List.of(line(product, "2")));
		Response refused = api.patch("/api/v1/products/" + product, Map.of("unit", "PCS", "tracking", "LOT"))
			.header("If-Match", "*")
			.bearer(admin).send();
		assertProblem(refused, 400, "error.validation");
		assertThat(refused.body()).contains("unit", "tracking");
		assertProblem(api.patch("/api/v1/products/" + product, Map.of("kind", "SERVICE"))
			.header("If-Match", "*")
			.bearer(admin).send(), 400, "error.validation");
	}

	@Test
	void aQuantityThatDoesNotConvertExactlyIsRefused() {
		long boxes = product("NONE", Map.of("unit", "BOX12"));
		Map<String, Object> onePiece = new HashMap<>(line(boxes, "1"));
		onePiece.put("unit", "PCS");
		Response refused = move("RECEIPT", warehouse, List.of(onePiece));
		assertProblem(refused, 400, "error.validation");
		assertThat(refused.body()).contains("lines[0].unit");
		onePiece.put("quantity", "24");
		assertThat(move("RECEIPT", warehouse, List.of(onePiece)).status()).isEqualTo(201);
		assertThat(level(boxes, warehouse).get("onHand").asString()).isEqualTo("2");
	}

	@Test
	void aReservedSerialIsTheOneIssuedAgainstItsReservation() {
		long product = product("SERIAL", Map.of());
		String held = Api.uniqueName("HELD"), other = Api.uniqueName("OTHER");
		move("RECEIPT", warehouse, List.of(serialLine(product, List.of(held, other))));
		long reservation = api.post("/api/v1/reservations", Map.of("productId", product, "warehouseId", warehouse, "quantity", "1",
				"reference", "Showroom", "serial", held)).bearer(admin).send().json().get("id").asLong();
		Map<String, Object> wrong = new HashMap<>(serialLine(product, List.of(other)));
		wrong.put("reservationId", reservation);
		assertProblem(move("ISSUE", warehouse, List.of(wrong)), 409, "error.reservation.serial-differs");
		Map<String, Object> right = new HashMap<>(line(product, "1"));
		right.put("reservationId", reservation);
		long customer = customer();
		assertThat(api.post("/api/v1/stock-moves", Map.of("type", "ISSUE", "warehouseId", warehouse, "customerId", customer, "lines",
				List.of(right))).bearer(admin).send().status()).isEqualTo(201);
		assertThat(api.get("/api/v1/serials/" + held).bearer(admin).send().json().get("status").asString()).isEqualTo("SOLD");

		move("RECEIPT", warehouse, List.of(serialLine(product, List.of(held))));
		JsonNode returned = api.get("/api/v1/serials/" + held).bearer(admin).send().json();
		assertThat(returned.get("status").asString()).isEqualTo("IN_STOCK");
		assertThat(returned.get("customerId").isNull()).isTrue();
		assertThat(returned.get("history")).extracting(e -> e.get("event").asString()).contains("RETURNED");
	}

	@Test
	void unitsConvertToTheProductsUnit() {
		long product = product("NONE", Map.of());
		Map<String, Object> boxes = new HashMap<>(line(product, "2"));
		boxes.put("unit", "BOX12");
		Response receipt = move("RECEIPT", warehouse, List.of(boxes));
		assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
		assertThat(receipt.json().get("lines").get(0).get("unit").asString()).isEqualTo("BOX12");
		assertThat(level(product, warehouse).get("onHand").asString()).isEqualTo("24");
	}

	@Test
	void serialTrackedReceiptsNeedOneSerialPerUnitAndASerialExistsOnce() {
		long product = product("SERIAL", Map.of("warrantyLength", 24, "warrantyUnit", "MONTHS"));
		String a = Api.uniqueName("SN"), b = Api.uniqueName("SN");
		Response missing = move("RECEIPT", warehouse, List.of(line(product, "2")));
		assertProblem(missing, 400, "error.validation");
		assertThat(missing.body()).contains("lines[0].serials");
		assertProblem(move("RECEIPT", warehouse, List.of(serialLine(product, List.of(a, a)))), 400, "error.validation");
		assertThat(move("RECEIPT", warehouse, List.of(serialLine(product, List.of(a, b)))).status()).isEqualTo(201);
		assertProblem(move("RECEIPT", warehouse, List.of(serialLine(product, List.of(b)))), 409, "error.serial.exists");
		assertThat(level(product, warehouse).get("onHand").asString()).isEqualTo("2");

		long customer = customer();
		Response sold = api.post("/api/v1/stock-moves", Map.of("type", "ISSUE", "warehouseId", warehouse, "customerId", customer,
				"lines", List.of(serialLine(product, List.of(a))))).bearer(admin).send();
		assertThat(sold.status()).as(sold.body()).isEqualTo(201);
		assertProblem(move("ISSUE", warehouse, List.of(serialLine(product, List.of(a)))), 409, "error.serial.not-available");

		JsonNode serial = api.get("/api/v1/serials/" + a).bearer(admin).send().json();
		assertThat(serial.get("status").asString()).isEqualTo("SOLD");
		assertThat(serial.get("productId").asLong()).isEqualTo(product);
		assertThat(serial.get("customerId").asLong()).isEqualTo(customer);
		assertThat(serial.get("warrantyEnd").asString()).isEqualTo(LocalDate.now().plusMonths(24).toString());
		assertThat(serial.get("history")).extracting(e -> e.get("event").asString()).containsExactly("RECEIVED", "ISSUED");
		assertProblem(api.get("/api/v1/serials/NO-SUCH-SERIAL").bearer(admin).send(), 404, "error.not-found");

		Response returned = move("RECEIPT", warehouse, List.of(serialLine(product, List.of(a))));
		assertThat(returned.status()).as(returned.body()).isEqualTo(201);
		assertThat(api.get("/api/v1/serials/" + a).bearer(admin).send().json().get("status").asString()).isEqualTo("IN_STOCK");
	}

	@Test
	void issuingTheLastSerialTwiceAtOnceLetsOneWin() throws Exception {
		long product = product("SERIAL", Map.of());
		String serial = Api.uniqueName("LAST");
		move("RECEIPT", warehouse, List.of(serialLine(product, List.of(serial))));
		List<Integer> statuses = concurrently(8, () -> move("ISSUE", warehouse, List.of(serialLine(product, List.of(serial)))).status());
		assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
		assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
		assertThat(level(product, warehouse).get("onHand").asString()).isEqualTo("0");
	}

	@Test
	void fiftyConcurrentReservationsOfTwentyUnitsLetExactlyTwentyThrough() throws Exception {
		long product = product("NONE", Map.of());
		move("RECEIPT", warehouse, List.of(line(product, "20")));
		List<Integer> statuses = concurrently(50, () -> api.post("/api/v1/reservations", Map.of("productId", product,
				"warehouseId", warehouse, "quantity", "1", "reference", "race")).bearer(admin).send().status());
		assertThat(statuses).filteredOn(s -> s == 201).hasSize(20);
		assertThat(statuses).filteredOn(s -> s == 409).hasSize(30);
		JsonNode level = level(product, warehouse);
		assertThat(level.get("reserved").asString()).isEqualTo("20");
		assertThat(level.get("available").asString()).isEqualTo("0");
	}

	@Test
	void aReservationHoldsStockUntilReleasedOrIssued() {
		long product = product("NONE", Map.of());
		move("RECEIPT", warehouse, List.of(line(product, "5")));
		Response reserved = api.post("/api/v1/reservations", Map.of("productId", product, "warehouseId", warehouse, "quantity",
				"3", "reference", "Order of Ayşe")).bearer(admin).send();
		assertThat(reserved.status()).as(reserved.body()).isEqualTo(201);
		long reservation = reserved.json().get("id").asLong();
		Response tooMuch = api.post("/api/v1/reservations", Map.of("productId", product, "warehouseId", warehouse, "quantity",
				"3", "reference", "Another")).bearer(admin).send();
		assertProblem(tooMuch, 409, "error.stock.not-enough");
		assertThat(tooMuch.json().get("available").asString()).isEqualTo("2");
		assertProblem(move("ISSUE", warehouse, List.of(line(product, "3"))), 409, "error.stock.not-enough");

		Map<String, Object> fulfil = new HashMap<>(line(product, "3"));
		fulfil.put("reservationId", reservation);
		assertThat(move("ISSUE", warehouse, List.of(fulfil)).status()).isEqualTo(201);
		JsonNode level = level(product, warehouse);
		assertThat(level.get("onHand").asString()).isEqualTo("2");
		assertThat(level.get("reserved").asString()).isEqualTo("0");
		assertThat(api.get("/api/v1/reservations/" + reservation).bearer(admin).send().json().get("status").asString())
			.isEqualTo("CONSUMED");
		assertProblem(api.delete("/api/v1/reservations/" + reservation).bearer(admin).send(), 409, "error.reservation.not-active");

		long second = api.post("/api/v1/reservations", Map.of("productId", product, "warehouseId", warehouse, "quantity", "2",
				"reference", "Held")).bearer(admin).send().json().get("id").asLong();
		assertThat(level(product, warehouse).get("available").asString()).isEqualTo("0");
		assertThat(api.delete("/api/v1/reservations/" + second).bearer(admin).send().status()).isEqualTo(204);
		assertThat(level(product, warehouse).get("available").asString()).isEqualTo("2");
		assertProblem(api.post("/api/v1/reservations", Map.of("productId", product, "warehouseId", warehouse, "quantity", "-1",
				"reference", "x")).bearer(admin).send(), 400, "error.validation");
	}

	@Test
	void lotsGoOutFirstExpiringFirstUnlessOneIsNamed() {
		long product = product("LOT", Map.of());
		Map<String, Object> late = lotLine(product, "10", "L-LATE", LocalDate.now().plusMonths(6));
		Map<String, Object> early = lotLine(product, "4", "L-EARLY", LocalDate.now().plusMonths(1));
		assertThat(move("RECEIPT", warehouse, List.of(late, early)).status()).isEqualTo(201);
		assertProblem(move("RECEIPT", warehouse, List.of(line(product, "1"))), 400, "error.validation");

		Response issue = move("ISSUE", warehouse, List.of(line(product, "6")));
		assertThat(issue.status()).as(issue.body()).isEqualTo(201);
		assertThat(issue.json().get("lines")).extracting(l -> l.get("lot").asString() + ":" + l.get("baseQuantity").asString())
			.containsExactly("L-EARLY:-4", "L-LATE:-2");
		assertThat(issue.json().get("lines")).extracting(l -> l.get("quantity").asString()).containsExactly("-4", "-2");
		Map<String, Object> named = new HashMap<>(line(product, "9"));
		named.put("lot", "L-LATE");
		assertProblem(move("ISSUE", warehouse, List.of(named)), 409, "error.stock.not-enough");
		JsonNode lots = api.get("/api/v1/stock-levels/lots?productId=" + product).bearer(admin).send().json().get("items");
		assertThat(lots).hasSize(1);
		assertThat(lots.get(0).get("onHand").asString()).isEqualTo("8");
	}

	@Test
	void transfersAndCountedAdjustmentsMoveStockWithAReason() {
		long product = product("NONE", Map.of());
		move("RECEIPT", warehouse, List.of(line(product, "10")));
		Response transfer = api.post("/api/v1/stock-moves", Map.of("type", "TRANSFER", "warehouseId", warehouse, "toWarehouseId",
				otherWarehouse, "lines", List.of(line(product, "4")))).bearer(admin).send();
		assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
		assertThat(level(product, warehouse).get("onHand").asString()).isEqualTo("6");
		assertThat(level(product, otherWarehouse).get("onHand").asString()).isEqualTo("4");

		Response counted = api.post("/api/v1/stock-moves", Map.of("type", "ADJUSTMENT", "warehouseId", warehouse, "reason",
				"Yearly count", "lines", List.of(Map.of("productId", product, "countedQuantity", "5")))).bearer(admin).send();
		assertThat(counted.status()).as(counted.body()).isEqualTo(201);
		assertThat(counted.json().get("lines").get(0).get("baseQuantity").asString()).isEqualTo("-1");
		Response found = api.post("/api/v1/stock-moves", Map.of("type", "ADJUSTMENT", "warehouseId", warehouse, "reason",
				"Found behind a shelf", "lines", List.of(line(product, "2")))).bearer(admin).send();
		assertThat(found.status()).isEqualTo(201);
		assertThat(level(product, warehouse).get("onHand").asString()).isEqualTo("7");
		JsonNode history = api.get("/api/v1/stock-moves/" + counted.json().get("id").asLong()).bearer(admin).send().json();
		assertThat(history.get("reason").asString()).isEqualTo("Yearly count");
	}

	@Test
	void theReplenishmentReportListsWhatFellBelowItsMinimum() {
		long supplier = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", Api.uniqueName("Supplier"), "roles",
				List.of("SUPPLIER"), "country", "TR")).bearer(admin).send().json().get("id").asLong();
		long low = product("NONE", Map.of("minStock", "10", "maxStock", "50"));
		long fine = product("NONE", Map.of("minStock", "2", "maxStock", "5"));
		assertThat(api.post("/api/v1/products/" + low + "/suppliers", Map.of("supplierId", supplier, "supplierCode", "S-1",
				"price", "12.50", "currency", "EUR", "leadDays", 7, "minQuantity", "60", "preferred", true)).bearer(admin).send()
			.status()).isEqualTo(200);
		move("RECEIPT", warehouse, List.of(line(low, "4"), line(fine, "3")));
		JsonNode report = api.get("/api/v1/replenishment").bearer(admin).send().json().get("items");
		List<Long> ids = new ArrayList<>();
		report.forEach(item -> ids.add(item.get("productId").asLong()));
		assertThat(ids).contains(low).doesNotContain(fine);
		JsonNode item = null;
		for (JsonNode candidate : report) {
			if (candidate.get("productId").asLong() == low) {
				item = candidate;
			}
		}
		assertThat(item.get("toOrder").asString()).isEqualTo("60");
		assertThat(item.get("supplierId").asLong()).isEqualTo(supplier);
		assertThat(level(low, warehouse).get("belowMinimum").asBoolean()).isTrue();
	}

	@Test
	void onlyTheWarehouseMovesStockAndSalesReserve() {
		long product = product("NONE", Map.of());
		String sales = api.userWithRoles(admin, "SALESPERSON");
		String keeper = api.userWithRoles(admin, "WAREHOUSE");
		String accountant = api.userWithRoles(admin, "ACCOUNTANT");
		assertProblem(api.post("/api/v1/stock-moves", Map.of("type", "RECEIPT", "warehouseId", warehouse, "lines",
				List.of(line(product, "1")))).bearer(sales).send(), 403, "error.inventory.forbidden");
		assertThat(api.post("/api/v1/stock-moves", Map.of("type", "RECEIPT", "warehouseId", warehouse, "lines",
				List.of(line(product, "2")))).bearer(keeper).send().status()).isEqualTo(201);
		assertThat(api.post("/api/v1/reservations", Map.of("productId", product, "warehouseId", warehouse, "quantity", "1",
				"reference", "SO draft")).bearer(sales).send().status()).isEqualTo(201);
		assertProblem(api.post("/api/v1/reservations", Map.of("productId", product, "warehouseId", warehouse, "quantity", "1",
				"reference", "x")).bearer(accountant).send(), 403, "error.inventory.forbidden");
		assertThat(api.get("/api/v1/stock-levels?productId=" + product).bearer(accountant).send().status()).isEqualTo(200);

		String portal = Api.uniqueName("portal");
		api.createUser(admin, portal, "en", "PORTAL");
		String customerToken = api.token(portal, Api.PASSWORD);
		assertProblem(api.get("/api/v1/stock-levels?productId=" + product).bearer(customerToken).send(), 403, "error.inventory.forbidden");
		assertProblem(api.get("/api/v1/products/" + product).bearer(customerToken).send(), 403, "error.catalog.forbidden");
		assertProblem(api.get("/api/v1/prices?productId=" + product).bearer(customerToken).send(), 403, "error.catalog.forbidden");
		assertProblem(api.post("/api/v1/reservations", Map.of("productId", product, "warehouseId", warehouse, "quantity", "1",
				"reference", "x")).bearer(customerToken).send(), 403, "error.inventory.forbidden");
	}

	@Test
	void oddRequestsAreAnsweredClearlyAndChangeNothing() {
		long product = product("SERIAL", Map.of());
		String serial = Api.uniqueName("ODD");
		move("RECEIPT", warehouse, List.of(serialLine(product, List.of(serial))));
		assertProblem(move("RECEIPT", warehouse, List.of(line(product, "1.5"))), 400, "error.validation");
		assertProblem(move("ISSUE", warehouse, List.of(line(product, "99999999999"))), 400, "error.validation");
		assertProblem(api.delete("/api/v1/reservations/99999999").bearer(admin).send(), 404, "error.not-found");
		assertThat(api.post("/api/v1/warehouses", Map.of("code", "WH-" + java.util.UUID.randomUUID(), "name", "Long code"))
			.bearer(admin).send().status()).isEqualTo(201);
		assertProblem(api.get("/api/v1/stock-levels?productId=abc").bearer(admin).send(), 400, "error.validation");
		assertProblem(api.get("/api/v1/stock-levels?productId=99999999").bearer(admin).send(), 404, "error.not-found");
		assertProblem(api.post("/api/v1/reservations", Map.of("productId", product, "warehouseId", warehouse, "quantity", "1",
				"reference", "x", "serial", "NOT-HERE")).bearer(admin).send(), 409, "error.serial.not-available");
		assertProblem(api.post("/api/v1/stock-moves", Map.of("type", "TRANSFER", "warehouseId", warehouse, "toWarehouseId", warehouse,
				"lines", List.of(serialLine(product, List.of(serial))))).bearer(admin).send(), 400, "error.validation");
		assertThat(level(product, warehouse).get("available").asString()).isEqualTo("1");

		Response moved = api.post("/api/v1/stock-moves", Map.of("type", "TRANSFER", "warehouseId", warehouse, "toWarehouseId",
				otherWarehouse, "lines", List.of(line(product, "1")))).bearer(admin).send();
		assertThat(moved.status()).as(moved.body()).isEqualTo(201);
		JsonNode found = api.get("/api/v1/serials/" + serial).bearer(admin).send().json();
		assertThat(found.get("warehouseId").asLong()).isEqualTo(otherWarehouse);
		assertThat(found.get("history")).extracting(e -> e.get("event").asString()).containsExactly("RECEIVED", "TRANSFERRED");
	}

	private List<Integer> concurrently(int count, Callable<Integer> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 16));
		try {
			var futures = new ArrayList<Future<Integer>>();
			for (int i = 0; i < count; i++) {
				futures.add(pool.submit(call));
			}
			var statuses = new ArrayList<Integer>();
			for (Future<Integer> future : futures) {
				statuses.add(future.get());
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private JsonNode level(long product, long warehouseId) {
		Response response = api.get("/api/v1/stock-levels?productId=" + product + "&warehouseId=" + warehouseId).bearer(admin).send();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("items").get(0);
	}

	private Response move(String type, long warehouseId, List<Map<String, Object>> lines) {
		return api.post("/api/v1/stock-moves", Map.of("type", type, "warehouseId", warehouseId, "lines", lines)).bearer(admin).send();
	}

	private static Map<String, Object> line(long product, String quantity) {
		return Map.of("productId", product, "quantity", quantity);
	}

	private static Map<String, Object> serialLine(long product, List<String> serials) {
		return Map.of("productId", product, "quantity", String.valueOf(serials.size()), "serials", serials);
	}

	private static Map<String, Object> lotLine(long product, String quantity, String lot, LocalDate expiry) {
		return Map.of("productId", product, "quantity", quantity, "lot", lot, "expiry", expiry.toString());
	}

	private long warehouse(String name) {
		Response created = api.post("/api/v1/warehouses", Map.of("code", Api.uniqueName("W").substring(0, 8), "name", name))
			.bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private long product(String tracking, Map<String, Object> extra) {
		var body = new HashMap<String, Object>(extra);
		body.put("code", Api.uniqueName("P"));
		body.put("name", "Test product " + tracking);
		body.put("tracking", tracking);
		body.put("salePrice", "100");
		Response created = api.post("/api/v1/products", body).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private long customer() {
		return api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", Api.uniqueName("Buyer"), "roles",
				List.of("CUSTOMER"), "country", "TR")).bearer(admin).send().json().get("id").asLong();
	}
}
