package dev.kervan.inventory.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.Checks;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.Picker;
import dev.kervan.platform.RecordNotFoundException;
import dev.kervan.platform.Versioned;
import dev.kervan.platform.VersionedRow;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Warehouses and the locations (aisles, shelves, bins) inside them. */
@Service
public class Warehouses {

	static final String RECORD_TYPE = "warehouse";

	static final int CODE = 60;
	static final int NAME = 120;
	static final int ADDRESS = 500;
	static final int LOCATION_CODE = 40;

	public record Warehouse(long id, String code, String name, @Nullable String address, boolean active, long version)
			implements Versioned {

		java.util.Map<String, Object> snapshot() {
			var values = new java.util.LinkedHashMap<String, Object>();
			values.put("code", code);
			values.put("name", name);
			values.put("address", address);
			values.put("active", active);
			return values;
		}
	}

	public record Location(long id, long warehouseId, String code, @Nullable String name, boolean active) {
	}

	private final JdbcClient jdbc;
	private final InventoryPolicy policy;
	private final AuditTrail audit;

	Warehouses(JdbcClient jdbc, InventoryPolicy policy, AuditTrail audit) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.audit = audit;
	}

	public List<Warehouse> list() {
		policy.requireReader();
		return all();
	}

	/** The active warehouses a picker offers (platform.Picker) for what was typed, by code or name, in code order. */
	public List<Picker.Match> picks(@Nullable String q) {
		Picker.Words words = Picker.words(q);
		return list().stream()
			.filter(Warehouse::active)
			.filter(warehouse -> words.foundIn(warehouse.code(), warehouse.name()))
			.limit(Picker.LIMIT)
			.map(warehouse -> new Picker.Match(warehouse.id(), warehouse.name(), warehouse.code()))
			.toList();
	}

	List<Warehouse> all() {
		return jdbc.sql("select id, code, name, address, active, version from warehouse order by active desc, code")
			.query((rs, n) -> new Warehouse(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
					rs.getLong(6)))
			.list();
	}

	public Warehouse get(long id) {
		policy.requireReader();
		return find(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
	}

	Optional<Warehouse> find(long id) {
		return all().stream().filter(w -> w.id() == id).findFirst();
	}

	@Transactional
	public Warehouse create(NewWarehouse command) {
		policy.requireWarehouse();
		var checks = new Checks();
		String code = checks.required("code", checks.code("code", command.code(), CODE));
		String name = checks.required("name", checks.name("name", command.name(), NAME));
		String address = checks.freeText("address", command.address(), ADDRESS);
		checks.throwIfInvalid();
		requireFreeCode(Objects.requireNonNull(code), 0);
		long id = jdbc.sql("insert into warehouse (code, name, address) values (?, ?, ?) returning id")
			.params(code, name, address)
			.query(Long.class)
			.single();
		Warehouse saved = find(id).orElseThrow();
		audit.created(RECORD_TYPE, id, saved.snapshot());
		return saved;
	}

	/** Changes the fields sent; a warehouse that would not change keeps its version and history. */
	@Transactional
	public Warehouse update(long id, ExpectedVersion expected, WarehouseChange change) {
		policy.requireWarehouse();
		var row = VersionedRow.read(RECORD_TYPE, id, expected, this::get);
		Warehouse before = row.current();
		var checks = new Checks();
		String code = checks.required("code", checks.code("code", change.code(), CODE).applyTo(before.code()));
		String name = checks.required("name", checks.name("name", change.name(), NAME).applyTo(before.name()));
		String address = checks.freeText("address", change.address(), ADDRESS).applyTo(before.address());
		boolean active = change.active().isGiven() ? !Boolean.FALSE.equals(change.active().value()) : before.active();
		checks.throwIfInvalid();
		var intended = new Warehouse(id, Objects.requireNonNull(code), Objects.requireNonNull(name), address, active,
				before.version());
		if (!AuditTrail.changes(before.snapshot(), intended.snapshot())) {
			return before;
		}
		requireFreeCode(code, id);
		int changed = jdbc.sql("""
				update warehouse set code = ?, name = ?, address = ?, active = ?, version = version + 1
				where id = ? and version = ?""")
			.params(code, name, address, active, id, before.version())
			.update();
		row.requireWritten(changed);
		Warehouse after = find(id).orElseThrow();
		audit.updated(RECORD_TYPE, id, before.snapshot(), after.snapshot());
		return after;
	}

	private void requireFreeCode(String code, long except) {
		if (jdbc.sql("select exists (select 1 from warehouse where lower(code) = lower(?) and id <> ?)").params(code, except)
			.query(Boolean.class).single()) {
			throw new DomainException(ErrorKind.CONFLICT, "error.warehouse.code-taken", code);
		}
	}

	public List<Location> locations(long warehouseId) {
		get(warehouseId);
		return jdbc.sql("select id, warehouse, code, name, active from warehouse_location where warehouse = ? order by code")
			.param(warehouseId)
			.query((rs, n) -> new Location(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
			.list();
	}

	/** Every warehouse's locations, by warehouse, in one query. */
	public java.util.Map<Long, List<Location>> locationsByWarehouse() {
		policy.requireReader();
		var byWarehouse = new java.util.HashMap<Long, List<Location>>();
		jdbc.sql("select id, warehouse, code, name, active from warehouse_location order by code")
			.query((rs, n) -> new Location(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
			.list()
			.forEach(location -> byWarehouse.computeIfAbsent(location.warehouseId(), k -> new java.util.ArrayList<>()).add(location));
		return byWarehouse;
	}

	@Transactional
	public Location addLocation(long warehouseId, NewLocation command) {
		policy.requireWarehouse();
		get(warehouseId);
		var checks = new Checks();
		String code = checks.required("code", checks.code("code", command.code(), LOCATION_CODE));
		String name = checks.name("name", command.name(), NAME);
		checks.throwIfInvalid();
		if (jdbc.sql("select exists (select 1 from warehouse_location where warehouse = ? and lower(code) = lower(?))")
			.params(warehouseId, code).query(Boolean.class).single()) {
			throw new DomainException(ErrorKind.CONFLICT, "error.location.code-taken", code);
		}
		long id = jdbc.sql("insert into warehouse_location (warehouse, code, name) values (?, ?, ?) returning id")
			.params(warehouseId, code, name)
			.query(Long.class)
			.single();
		return locations(warehouseId).stream().filter(l -> l.id() == id).findFirst().orElseThrow();
	}
}
