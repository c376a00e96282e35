package dev.kervan.catalog.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.kervan.catalog.Catalog;
import dev.kervan.catalog.ProductFacts;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class CatalogService implements Catalog {

	private final JdbcClient jdbc;
	private final Units units;

	CatalogService(JdbcClient jdbc, Units units) {
		this.jdbc = jdbc;
		this.units = units;
	}

	@Override
	public Optional<ProductFacts> find(long productId) {
		return jdbc.sql("select " + ProductRow.COLUMNS + ProductRow.FROM + " where p.id = ?")
			.param(productId)
			.query((rs, n) -> ProductRow.of(rs).facts())
			.optional();
	}

	@Override
	public Map<Long, ProductFacts> find(Collection<Long> productIds) {
		var found = new HashMap<Long, ProductFacts>();
		if (productIds.isEmpty()) {
			return found;
		}
		jdbc.sql("select " + ProductRow.COLUMNS + ProductRow.FROM + " where p.id = any(?)")
			.param(productIds.toArray(Long[]::new))
			.query((rs, n) -> ProductRow.of(rs).facts())
			.list()
			.forEach(facts -> found.put(facts.id(), facts));
		return found;
	}

	@Override
	public Optional<ProductFacts> findByCodeOrBarcode(String codeOrBarcode) {
		String wanted = codeOrBarcode.strip();
		return jdbc.sql("select " + ProductRow.COLUMNS + ProductRow.FROM + """
				 where lower(p.code) = lower(:wanted) or p.id = (select b.product from product_barcode b where b.barcode = :wanted)
				order by lower(p.code) = lower(:wanted) desc limit 1""")
			.param("wanted", wanted)
			.query((rs, n) -> ProductRow.of(rs).facts())
			.optional();
	}

	@Override
	public Optional<UnitQuantity> inProductUnit(ProductFacts product, @Nullable String unitCode, BigDecimal quantity) {
		if (unitCode == null || unitCode.isBlank() || unitCode.equalsIgnoreCase(product.unitCode())) {
			return Optional.of(new UnitQuantity(product.unitId(), quantity, quantity));
		}
		return units.idOf(unitCode.strip())
			.flatMap(unit -> units.convert(quantity, unit, product.unitId()).map(q -> new UnitQuantity(unit, quantity, q)));
	}
}
