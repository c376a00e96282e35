package dev.kervan.catalog.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kervan.catalog.ProductFacts;
import dev.kervan.catalog.Tracking;
import dev.kervan.platform.Decimals;
import dev.kervan.platform.Versioned;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** A product as stored, with its unit and barcodes. */
public record ProductRow(long id, String code, String name, Map<String, String> names, ProductKind kind,
		@Nullable Long categoryId, long unitId, String unitCode, @Nullable String brand, @Nullable String model,
		@Nullable String manufacturerCode, @Nullable BigDecimal lengthCm, @Nullable BigDecimal widthCm,
		@Nullable BigDecimal heightCm, @Nullable BigDecimal weightKg, BigDecimal vatRate, @Nullable String salesAccount,
		@Nullable String purchaseAccount, @Nullable BigDecimal standardCost, @Nullable BigDecimal salePrice, String currency,
		boolean active, ProductStage stage, @Nullable String targetMarket, @Nullable Integer shelfLifeDays,
		@Nullable BigDecimal minStock, @Nullable BigDecimal maxStock, @Nullable Integer warrantyLength,
		@Nullable String warrantyUnit, Tracking tracking, @Nullable Long variantOfId, Map<String, String> variantValues,
		@Nullable String description, List<String> barcodes, Instant createdAt, Instant updatedAt, long version)
		implements Versioned {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public ProductRow {
		names = Map.copyOf(names);
		variantValues = Map.copyOf(variantValues);
		barcodes = List.copyOf(barcodes);
		lengthCm = Decimals.plain(lengthCm, 0);
		widthCm = Decimals.plain(widthCm, 0);
		heightCm = Decimals.plain(heightCm, 0);
		weightKg = Decimals.plain(weightKg, 0);
		vatRate = Decimals.quantity(vatRate);
		standardCost = Decimals.plain(standardCost, 2);
		salePrice = Decimals.plain(salePrice, 2);
		minStock = Decimals.plain(minStock, 0);
		maxStock = Decimals.plain(maxStock, 0);
	}

	static final String COLUMNS = """
			p.id, p.code, p.name, p.translations, p.kind, p.category, p.unit, u.code as unit_code, p.brand, p.model,
			p.manufacturer_code, p.length_cm, p.width_cm, p.height_cm, p.weight_kg, p.vat_rate, p.sales_account,
			p.purchase_account, p.standard_cost, p.sale_price, p.currency, p.active, p.stage, p.target_market,
			p.shelf_life_days, p.min_stock, p.max_stock, p.warranty_length, p.warranty_unit, p.tracking, p.variant_of,
			p.variant_values, p.description,
			array(select b.barcode from product_barcode b where b.product = p.id order by b.barcode) as barcodes,
			p.created_at, p.updated_at, p.version""";

	static final String FROM = " from product p join unit_of_measure u on u.id = p.unit";

	static ProductRow of(ResultSet rs) throws SQLException {
		Array barcodes = rs.getArray("barcodes");
		return new ProductRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"), texts(rs.getString("translations")),
				ProductKind.valueOf(rs.getString("kind")), rs.getObject("category", Long.class), rs.getLong("unit"),
				rs.getString("unit_code"), rs.getString("brand"), rs.getString("model"), rs.getString("manufacturer_code"),
				rs.getBigDecimal("length_cm"), rs.getBigDecimal("width_cm"), rs.getBigDecimal("height_cm"),
				rs.getBigDecimal("weight_kg"), rs.getBigDecimal("vat_rate"), rs.getString("sales_account"),
				rs.getString("purchase_account"), rs.getBigDecimal("standard_cost"), rs.getBigDecimal("sale_price"),
				rs.getString("currency"), rs.getBoolean("active"), ProductStage.valueOf(rs.getString("stage")),
				rs.getString("target_market"), rs.getObject("shelf_life_days", Integer.class), rs.getBigDecimal("min_stock"),
				rs.getBigDecimal("max_stock"), rs.getObject("warranty_length", Integer.class), rs.getString("warranty_unit"),
				Tracking.valueOf(rs.getString("tracking")), rs.getObject("variant_of", Long.class),
				texts(rs.getString("variant_values")), rs.getString("description"),
				barcodes == null ? List.of() : List.of((String[]) barcodes.getArray()),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getLong("version"));
	}

	@SuppressWarnings("unchecked")
	static Map<String, String> texts(@Nullable String json) {
		if (json == null || json.isBlank()) {
			return Map.of();
		}
		return new LinkedHashMap<String, String>(JSON.readValue(json, Map.class));
	}

	static String json(Map<String, String> texts) {
		return JSON.writeValueAsString(texts);
	}

	/** The name in a language, or the main name. */
	public String name(String language) {
		return names.getOrDefault(language, name);
	}

	public ProductFacts facts() {
		return new ProductFacts(id, code, name, names, kind == ProductKind.SERVICE, unitId, unitCode, tracking, active,
				minStock, maxStock, shelfLifeDays, warrantyLength, warrantyUnit);
	}

	Map<String, Object> snapshot() {
		var values = new LinkedHashMap<String, Object>();
		values.put("code", code);
		values.put("name", name);
		values.put("names", names);
		values.put("kind", kind);
		values.put("category", categoryId);
		values.put("unit", unitCode);
		values.put("brand", brand);
		values.put("model", model);
		values.put("manufacturerCode", manufacturerCode);
		values.put("lengthCm", plain(lengthCm));
		values.put("widthCm", plain(widthCm));
		values.put("heightCm", plain(heightCm));
		values.put("weightKg", plain(weightKg));
		values.put("vatRate", plain(vatRate));
		values.put("salesAccount", salesAccount);
		values.put("purchaseAccount", purchaseAccount);
		values.put("standardCost", plain(standardCost));
		values.put("salePrice", plain(salePrice));
		values.put("currency", currency);
		values.put("active", active);
		values.put("stage", stage);
		values.put("targetMarket", targetMarket);
		values.put("shelfLifeDays", shelfLifeDays);
		values.put("minStock", plain(minStock));
		values.put("maxStock", plain(maxStock));
		values.put("warrantyLength", warrantyLength);
		values.put("warrantyUnit", warrantyUnit);
		values.put("tracking", tracking);
		values.put("variantValues", variantValues);
		values.put("description", description);
		values.put("barcodes", barcodes);
		return values;
	}

	private static @Nullable String plain(@Nullable BigDecimal value) {
		return value == null ? null : value.stripTrailingZeros().toPlainString();
	}
}
