package dev.kervan.inventory.internal;

import java.util.List;
import java.util.Map;

import dev.kervan.inventory.StockFigures;
import dev.kervan.inventory.StockMoveType;
import dev.kervan.platform.Forms;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.ListLinks;
import dev.kervan.platform.Option;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.PageModel;
import dev.kervan.platform.RecordNotFoundException;
import dev.kervan.platform.TextHygiene;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** What the warehouse's pages show, each built in one call: stock, the ledger, a move, replenishment, warehouses. */
@Component
public class InventoryPageModels {

	private final StockLedger ledger;
	private final StockLevels levels;
	private final Warehouses warehouses;
	private final Replenishment replenishment;
	private final InventoryPolicy policy;
	private final SerialNumbers serials;
	private final Forms forms;

	InventoryPageModels(StockLedger ledger, StockLevels levels, Warehouses warehouses, Replenishment replenishment,
			InventoryPolicy policy, SerialNumbers serials, Forms forms) {
		this.serials = serials;
		this.forms = forms;
		this.ledger = ledger;
		this.levels = levels;
		this.warehouses = warehouses;
		this.replenishment = replenishment;
		this.policy = policy;
	}

	public record OverviewPage(KeysetPage<StockFigures> page, ListLinks links, List<Option> warehouseOptions,
			boolean mayMove) implements PageModel {
	}

	public record LedgerPage(KeysetPage<StockMoveView> page, ListLinks links, List<Option> warehouseOptions,
			List<Option> typeOptions, StockMoveType[] types, boolean mayMove) implements PageModel {
	}

	/** The report has no pages: it is one page whose lines are all the products to reorder. */
	public record ReplenishmentPage(KeysetPage<Replenishment.Line> page, ListLinks links, List<Option> warehouseOptions)
			implements PageModel {
	}

	public record WarehousesPage(List<Warehouses.Warehouse> warehouses, Map<Long, List<Warehouses.Location>> locations,
			boolean mayMove) implements PageModel {
	}

	/** The entry of a move: its type, the types to switch to, and the active warehouses to choose from. */
	public record MoveFormPage(StockMoveType type, StockMoveType[] types, List<Option> warehouseOptions)
			implements PageModel {
	}

	public OverviewPage overview(@Nullable Long warehouseId, @Nullable String cursor) {
		var links = ListLinks.to("/inventory").exportedAt("/inventory/export").with("warehouseId", warehouseId).at(cursor);
		return new OverviewPage(levels.list(null, warehouseId, cursor, PageLimit.of(100)), links, warehouseOptions(),
				policy.mayMoveStock());
	}

	public LedgerPage ledger(@Nullable Long warehouseId, @Nullable StockMoveType type, @Nullable String cursor) {
		var links = ListLinks.to("/inventory/moves").with("warehouseId", warehouseId).with("type", type).at(cursor);
		return new LedgerPage(ledger.list(null, warehouseId, type, cursor, PageLimit.of(50)), links, warehouseOptions(),
				forms.options(StockMoveType.values(), "inventory.move."), StockMoveType.values(), policy.mayMoveStock());
	}

	public ReplenishmentPage replenishment(@Nullable Long warehouseId) {
		var links = ListLinks.to("/inventory/replenishment").exportedAt("/inventory/replenishment/export")
			.with("warehouseId", warehouseId);
		return new ReplenishmentPage(new KeysetPage<>(replenishment.report(warehouseId), null), links, warehouseOptions());
	}

	private List<Option> warehouseOptions() {
		return warehouses.list().stream().map(w -> new Option(String.valueOf(w.id()), w.code() + " · " + w.name())).toList();
	}

	public record MovePage(StockMoveView move) implements PageModel {
	}

	/** A serial number asked for ({@code query}) and what is known of it: none yet, its story, or never received. */
	public record SerialPage(String query, SerialNumbers.@Nullable Serial serial, boolean notFound) implements PageModel {
	}

	public MovePage move(long id) {
		return new MovePage(ledger.get(id));
	}

	public SerialPage serial(@Nullable String serial, @Nullable Long productId) {
		policy.requireReader();
		if (serial == null || serial.isBlank()) {
			return new SerialPage(serial == null ? "" : serial, null, false);
		}
		if (TextHygiene.codeProblem(serial).isPresent()) {
			return new SerialPage(serial, null, true);
		}
		try {
			return new SerialPage(serial, serials.find(serial, productId), false);
		}
		catch (RecordNotFoundException missing) {
			return new SerialPage(serial, null, true);
		}
	}

	public WarehousesPage warehouses() {
		return new WarehousesPage(warehouses.list(), warehouses.locationsByWarehouse(), policy.mayMoveStock());
	}

	public MoveFormPage moveForm(StockMoveType type) {
		policy.requireWarehouse();
		return new MoveFormPage(type, StockMoveType.values(), warehouses.list().stream().filter(Warehouses.Warehouse::active)
			.map(w -> new Option(String.valueOf(w.id()), w.code() + " · " + w.name())).toList());
	}
}
