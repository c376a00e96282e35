package dev.kervan.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.kervan.identity.Role;
import dev.kervan.inventory.internal.NewReservation;
import dev.kervan.inventory.internal.Reservations;
import dev.kervan.inventory.internal.StockLedger;
import dev.kervan.inventory.internal.StockMoveDraft;
import dev.kervan.inventory.internal.StockMoveView;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.InvalidInputException;
import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.KervanIntegrationTest;
import dev.kervan.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;

/**
 * What inventory tells other modules: a posted stock move and a released reservation are published as events in
 * the transaction that makes them, and a refused move or release publishes nothing. A posted move never changes.
 */
@ExtendWith(PublishedEventsExtension.class)
class StockEventsIntegrationTests extends KervanIntegrationTest {

	@Autowired
	StockLedger ledger;

	@Autowired
	Reservations reservations;

	private String admin;
	private long warehouse;

	@BeforeEach
	void setUp() {
		admin = api.token("admin", ADMIN_PASSWORD);
		Response created = api.post("/api/v1/warehouses", Map.of("code", Api.uniqueName("E").substring(0, 8), "name", "Events"))
			.bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		warehouse = created.json().get("id").asLong();
	}

	@AfterEach
	void logOut() {
		SignedIn.out();
	}

	@Test
	void aPostedMoveIsPublishedWithWhatMovedAndARefusedOneIsNot(PublishedEvents events) {
		long lots = product("LOT", Map.of());
		long serialised = product("SERIAL", Map.of());
		long customer = customer();
		String serial = Api.uniqueName("SN");
		SignedIn.as(jdbc, "admin", Role.ADMIN);

		StockMoveView receipt = ledger.post(StockMoveDraft.receipt(warehouse, null, "Delivery 7", List.of(
				StockMoveDraft.Line.received(lots, new BigDecimal("12"), "L1", LocalDate.of(2030, 1, 31), List.of()),
				StockMoveDraft.Line.received(serialised, BigDecimal.ONE, null, null, List.of(serial)))));
		assertThat(events.ofType(StockMoved.class).matching(moved -> moved.moveId() == receipt.id())).singleElement()
			.satisfies(moved -> {
				assertThat(moved.number()).isEqualTo(receipt.number());
				assertThat(moved.type()).isEqualTo(StockMoveType.RECEIPT);
				assertThat(moved.warehouseId()).isEqualTo(warehouse);
				assertThat(moved.lines()).extracting(StockMoved.Line::productId).containsExactlyInAnyOrder(lots, serialised);
				assertThat(moved.lines()).filteredOn(line -> line.productId() == lots).singleElement().satisfies(line -> {
					assertThat(line.quantity()).isEqualByComparingTo("12");
					assertThat(line.lot()).isEqualTo("L1");
				});
				assertThat(moved.lines()).filteredOn(line -> line.productId() == serialised).singleElement()
					.satisfies(line -> assertThat(line.serials()).containsExactly(serial));
			});

		StockMoveView issue = ledger.post(new StockMoveDraft(StockMoveType.ISSUE, warehouse, null, null, null, customer,
				List.of(new StockMoveDraft.Line(serialised, BigDecimal.ONE, null, List.of(serial), null, null, null, null))));
		assertThat(events.ofType(StockMoved.class).matching(moved -> moved.moveId() == issue.id())).singleElement()
			.satisfies(moved -> {
				assertThat(moved.type()).isEqualTo(StockMoveType.ISSUE);
				assertThat(moved.customerId()).isEqualTo(customer);
				assertThat(moved.lines()).singleElement().satisfies(line -> {
					assertThat(line.quantity()).isEqualByComparingTo("-1");
					assertThat(line.serials()).containsExactly(serial);
				});
			});

		// Refused by its checks (a negative receipt), and refused while posting (more than is on hand): nothing published.
		assertThatThrownBy(() -> ledger.post(StockMoveDraft.receipt(warehouse, null, null,
				List.of(StockMoveDraft.Line.received(lots, new BigDecimal("-3"), "L1", null, List.of())))))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> ledger.post(new StockMoveDraft(StockMoveType.ISSUE, warehouse, null, null, null, null,
				List.of(new StockMoveDraft.Line(lots, new BigDecimal("13"), null, null, null, null, null, null)))))
			.isInstanceOf(NotEnoughStockException.class);
		assertThat(events.ofType(StockMoved.class).matching(moved -> moved.lines().stream().anyMatch(l -> l.productId() == lots)))
			.hasSize(1);
	}

	@Test
	void aReleasedReservationIsPublishedAndAReservationIssuedOrReleasedAgainIsNot(PublishedEvents events) {
		long product = product("NONE", Map.of());
		long customer = customer();
		SignedIn.as(jdbc, "admin", Role.ADMIN);
		ledger.post(StockMoveDraft.receipt(warehouse, null, null,
				List.of(StockMoveDraft.Line.received(product, new BigDecimal("10"), null, null, List.of()))));

		long held = reservations.create(new NewReservation(product, warehouse, new BigDecimal("3"), "Order of Ayşe", null, null,
				customer, null)).id();
		reservations.release(held);
		assertThat(events.ofType(ReservationReleased.class).matching(released -> released.reservationId() == held))
			.singleElement()
			.satisfies(released -> {
				assertThat(released.productId()).isEqualTo(product);
				assertThat(released.warehouseId()).isEqualTo(warehouse);
				assertThat(released.quantity()).isEqualByComparingTo("3");
				assertThat(released.customerId()).isEqualTo(customer);
			});

		assertThatThrownBy(() -> reservations.release(held)).isInstanceOf(DomainException.class)
			.hasMessageContaining("error.reservation.not-active");
		long issued = reservations.create(new NewReservation(product, warehouse, new BigDecimal("2"), "Showroom", null, null,
				null, null)).id();
		ledger.post(new StockMoveDraft(StockMoveType.ISSUE, warehouse, null, null, null, null,
				List.of(new StockMoveDraft.Line(product, new BigDecimal("2"), null, null, null, null, issued, null))));
		assertThat(events.ofType(ReservationReleased.class).matching(released -> released.productId() == product))
			.hasSize(1);
	}

	@Test
	void aPostedMoveIsNeverChanged() {
		long product = product("NONE", Map.of());
		SignedIn.as(jdbc, "admin", Role.ADMIN);
		StockMoveView posted = ledger.post(StockMoveDraft.receipt(warehouse, "Opening stock", null,
				List.of(StockMoveDraft.Line.received(product, new BigDecimal("5"), null, null, List.of()))));

		assertThatThrownBy(() -> jdbc.sql("update stock_move set reason = 'Rewritten' where id = ?").param(posted.id()).update())
			.isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.sql("update stock_move_line set base_quantity = 50 where move = ?").param(posted.id())
			.update()).isInstanceOf(DataAccessException.class);
		StockMoveView now = ledger.get(posted.id());
		assertThat(now.reason()).isEqualTo("Opening stock");
		assertThat(now.lines()).singleElement().satisfies(line -> assertThat(line.baseQuantity()).isEqualByComparingTo("5"));
	}

	private long product(String tracking, Map<String, Object> extra) {
		var body = new HashMap<String, Object>(extra);
		body.put("code", Api.uniqueName("EV"));
		body.put("name", "Evented " + tracking);
		body.put("tracking", tracking);
		Response created = api.post("/api/v1/products", body).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private long customer() {
		return api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", Api.uniqueName("Buyer"), "roles",
				List.of("CUSTOMER"), "country", "TR")).bearer(admin).send().json().get("id").asLong();
	}
}
