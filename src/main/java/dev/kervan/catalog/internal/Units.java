package dev.kervan.catalog.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

import dev.kervan.platform.Checks;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.TranslatedNames;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Units of measure and their conversions. A unit either is a base unit or converts to one by a factor (a box of
 * 12 is 12 pieces, a gram 0.001 kilogram); quantities convert between units of the same base only.
 */
@Service
public class Units {

	/** A unit as stored. */
	public record Unit(long id, String code, String name, @Nullable Long baseUnitId, @Nullable String baseUnitCode,
			BigDecimal factor, boolean active) {

		/** The base unit this one counts in: itself for a base unit. */
		long base() {
			return baseUnitId == null ? id : baseUnitId;
		}
	}

	@Schema(description = "A unit; baseUnit and factor make one that converts (BOX6 = 6 × PCS).")
	public record NewUnit(@Schema(maxLength = 20) String code, @Schema(maxLength = 80) String name,
			@Schema(description = "The code of the unit it converts to.", maxLength = 20) @Nullable String baseUnit,
			@Schema(description = "How many base units one of it is; positive.") @Nullable BigDecimal factor) {
	}

	private final JdbcClient jdbc;
	private final CatalogPolicy policy;

	Units(JdbcClient jdbc, CatalogPolicy policy) {
		this.jdbc = jdbc;
		this.policy = policy;
	}

	public List<Unit> list() {
		policy.requireReader();
		return all();
	}

	List<Unit> all() {
		return jdbc.sql("""
				select u.id, u.code, %s as name, u.base_unit, b.code as base_code, u.factor, u.active
				from unit_of_measure u left join unit_of_measure b on b.id = u.base_unit order by u.base_unit nulls first, u.code"""
				.formatted(TranslatedNames.shown("u")))
			.query((rs, n) -> unit(rs))
			.list();
	}

	Optional<Unit> find(long id) {
		return all().stream().filter(u -> u.id() == id).findFirst();
	}

	Optional<Long> idOf(String code) {
		return all().stream().filter(u -> u.code().equalsIgnoreCase(code) && u.active()).map(Unit::id).findFirst();
	}

	long pieceId() {
		return idOf("PCS").orElseThrow();
	}

	/**
	 * A quantity in another unit of the same base; empty when the units measure different things (pieces and
	 * kilograms) or when the quantity does not come out exact at four decimals (one piece is not a whole number of
	 * boxes of 12), since stock counted in rounded parts would never add up again.
	 */
	Optional<BigDecimal> convert(BigDecimal quantity, long fromUnit, long toUnit) {
		if (fromUnit == toUnit) {
			return Optional.of(quantity);
		}
		Unit from = find(fromUnit).orElseThrow();
		Unit to = find(toUnit).orElseThrow();
		if (from.base() != to.base()) {
			return Optional.empty();
		}
		BigDecimal precise = quantity.multiply(from.factor()).divide(to.factor(), 12, RoundingMode.HALF_UP).stripTrailingZeros();
		return precise.scale() > 4 ? Optional.empty() : Optional.of(precise.scale() < 0 ? precise.setScale(0) : precise);
	}

	@Transactional
	public Unit create(NewUnit unit) {
		policy.requireProductEditor();
		var checks = new Checks();
		String code = checks.required("code", checks.code("code", unit.code(), 20));
		String name = checks.required("name", checks.name("name", unit.name(), 80));
		Long base = null;
		String baseCode = checks.code("baseUnit", unit.baseUnit(), 20);
		BigDecimal factor = checks.decimal("factor", unit.factor());
		if (baseCode != null) {
			Unit baseUnit = all().stream().filter(u -> u.code().equalsIgnoreCase(baseCode)).findFirst().orElse(null);
			if (baseUnit == null) {
				checks.reject("baseUnit", "error.product.unknown-unit", baseCode);
			}
			else {
				base = baseUnit.base();
				factor = factor == null ? null : factor.multiply(baseUnit.factor());
			}
			if (factor == null || factor.signum() <= 0) {
				checks.reject("factor", "error.value.positive");
			}
		}
		else {
			factor = BigDecimal.ONE;
		}
		checks.throwIfInvalid();
		if (idOf(code).isPresent()) {
			throw new DomainException(ErrorKind.CONFLICT, "error.unit.code-taken", code);
		}
		long id = jdbc.sql("insert into unit_of_measure (code, name, base_unit, factor) values (?, ?, ?, ?) returning id")
			.params(code, name, base, factor)
			.query(Long.class)
			.single();
		return find(id).orElseThrow();
	}

	private static Unit unit(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Unit(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getObject("base_unit", Long.class),
				rs.getString("base_code"), rs.getBigDecimal("factor").stripTrailingZeros(), rs.getBoolean("active"));
	}
}
