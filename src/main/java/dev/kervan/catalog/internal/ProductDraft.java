package dev.kervan.catalog.internal;

import java.math.BigDecimal;
import java.util.Map;

import dev.kervan.catalog.Tracking;
import dev.kervan.platform.PatchDocument;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a product besides code and name, read from a document over their current values and checked
 * together (maximum stock not below minimum, warranty length with its unit, a service has no tracking).
 */
final class ProductDraft {

	/** A hundred years: longer is a typing error, and dates computed from it would leave the calendar. */
	private static final int MOST_SHELF_LIFE_DAYS = 36_500;

	Map<String, String> names = Map.of();
	ProductKind kind = ProductKind.GOOD;
	@Nullable Long category;
	long unit;
	@Nullable String brand;
	@Nullable String model;
	@Nullable String manufacturerCode;
	@Nullable BigDecimal lengthCm;
	@Nullable BigDecimal widthCm;
	@Nullable BigDecimal heightCm;
	@Nullable BigDecimal weightKg;
	BigDecimal vatRate = BigDecimal.valueOf(20);
	@Nullable String salesAccount;
	@Nullable String purchaseAccount;
	@Nullable BigDecimal standardCost;
	@Nullable BigDecimal salePrice;
	String currency = "TRY";
	boolean active = true;
	ProductStage stage = ProductStage.ACTIVE;
	@Nullable String targetMarket;
	@Nullable Integer shelfLifeDays;
	@Nullable BigDecimal minStock;
	@Nullable BigDecimal maxStock;
	@Nullable Integer warrantyLength;
	@Nullable String warrantyUnit;
	Tracking tracking = Tracking.NONE;
	@Nullable Long variantOf;
	Map<String, String> variantValues = Map.of();
	@Nullable String description;

	private ProductDraft() {
	}

	static ProductDraft defaults(long pieceUnit) {
		var draft = new ProductDraft();
		draft.unit = pieceUnit;
		return draft;
	}

	static ProductDraft of(ProductRow row) {
		var draft = new ProductDraft();
		draft.names = row.names();
		draft.kind = row.kind();
		draft.category = row.categoryId();
		draft.unit = row.unitId();
		draft.brand = row.brand();
		draft.model = row.model();
		draft.manufacturerCode = row.manufacturerCode();
		draft.lengthCm = row.lengthCm();
		draft.widthCm = row.widthCm();
		draft.heightCm = row.heightCm();
		draft.weightKg = row.weightKg();
		draft.vatRate = row.vatRate();
		draft.salesAccount = row.salesAccount();
		draft.purchaseAccount = row.purchaseAccount();
		draft.standardCost = row.standardCost();
		draft.salePrice = row.salePrice();
		draft.currency = row.currency();
		draft.active = row.active();
		draft.stage = row.stage();
		draft.targetMarket = row.targetMarket();
		draft.shelfLifeDays = row.shelfLifeDays();
		draft.minStock = row.minStock();
		draft.maxStock = row.maxStock();
		draft.warrantyLength = row.warrantyLength();
		draft.warrantyUnit = row.warrantyUnit();
		draft.tracking = row.tracking();
		draft.variantOf = row.variantOfId();
		draft.variantValues = row.variantValues();
		draft.description = row.description();
		return draft;
	}

	void read(PatchDocument doc, Units units, ProductCategories categories) {
		names = Products.readNames(doc, names);
		if (doc.has("kind")) {
			kind = orDefault(doc.choice("kind", ProductKind.class), ProductKind.GOOD);
		}
		if (doc.has("categoryId")) {
			category = doc.id("categoryId");
			if (category != null && !categories.exists(category)) {
				doc.reject("categoryId", "error.product.unknown-category", String.valueOf(category));
			}
		}
		if (doc.has("unit")) {
			String code = doc.code("unit", 20);
			if (code != null) {
				units.idOf(code).ifPresentOrElse(id -> unit = id, () -> doc.reject("unit", "error.product.unknown-unit", code));
			}
		}
		brand = doc.has("brand") ? doc.text("brand", 120) : brand;
		model = doc.has("model") ? doc.text("model", 120) : model;
		manufacturerCode = doc.has("manufacturerCode") ? doc.code("manufacturerCode", 120) : manufacturerCode;
		lengthCm = doc.has("lengthCm") ? measure(doc, "lengthCm") : lengthCm;
		widthCm = doc.has("widthCm") ? measure(doc, "widthCm") : widthCm;
		heightCm = doc.has("heightCm") ? measure(doc, "heightCm") : heightCm;
		weightKg = doc.has("weightKg") ? measure(doc, "weightKg") : weightKg;
		if (doc.has("vatRate")) {
			BigDecimal rate = doc.decimal("vatRate");
			if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0 || rate.scale() > 2) {
				doc.reject("vatRate", "error.value.range", 0, 100);
			}
			else {
				vatRate = rate;
			}
		}
		salesAccount = doc.has("salesAccount") ? doc.code("salesAccount", 40) : salesAccount;
		purchaseAccount = doc.has("purchaseAccount") ? doc.code("purchaseAccount", 40) : purchaseAccount;
		standardCost = doc.has("standardCost") ? doc.amount("standardCost") : standardCost;
		salePrice = doc.has("salePrice") ? doc.amount("salePrice") : salePrice;
		if (doc.has("currency")) {
			currency = orDefault(doc.currency("currency"), "TRY");
		}
		if (doc.has("active")) {
			active = !Boolean.FALSE.equals(doc.bool("active"));
		}
		if (doc.has("stage")) {
			stage = orDefault(doc.choice("stage", ProductStage.class), ProductStage.ACTIVE);
		}
		targetMarket = doc.has("targetMarket") ? doc.text("targetMarket", 200) : targetMarket;
		if (doc.has("shelfLifeDays")) {
			shelfLifeDays = doc.integer("shelfLifeDays");
			if (shelfLifeDays != null && (shelfLifeDays <= 0 || shelfLifeDays > MOST_SHELF_LIFE_DAYS)) {
				doc.reject("shelfLifeDays", "error.value.range", 1, MOST_SHELF_LIFE_DAYS);
			}
		}
		minStock = doc.has("minStock") ? stockLimit(doc, "minStock") : minStock;
		maxStock = doc.has("maxStock") ? stockLimit(doc, "maxStock") : maxStock;
		if (minStock != null && maxStock != null && maxStock.compareTo(minStock) < 0) {
			doc.reject("maxStock", "error.product.max-below-min");
		}
		if (doc.has("warrantyLength")) {
			warrantyLength = doc.integer("warrantyLength");
			if (warrantyLength != null && warrantyLength <= 0) {
				doc.reject("warrantyLength", "error.value.positive");
			}
		}
		if (doc.has("warrantyUnit")) {
			WarrantyUnit chosen = doc.choice("warrantyUnit", WarrantyUnit.class);
			warrantyUnit = chosen == null ? null : chosen.name();
		}
		if ((warrantyLength == null) != (warrantyUnit == null)) {
			doc.reject(warrantyLength == null ? "warrantyLength" : "warrantyUnit", "error.product.warranty-pair");
		}
		else if (warrantyLength != null && warrantyLength > WarrantyUnit.valueOf(warrantyUnit).longest()) {
			doc.reject("warrantyLength", "error.value.range", 1, WarrantyUnit.valueOf(warrantyUnit).longest());
		}
		if (doc.has("tracking")) {
			tracking = orDefault(doc.choice("tracking", Tracking.class), Tracking.NONE);
		}
		if (kind == ProductKind.SERVICE && tracking != Tracking.NONE) {
			doc.reject("tracking", "error.product.service-tracking");
		}
		description = doc.has("description") ? doc.freeText("description", 10_000) : description;
	}

	void putInto(Map<String, Object> values) {
		values.put("translations", ProductRow.json(names));
		values.put("kind", kind.name());
		values.put("category", category);
		values.put("unit", unit);
		values.put("brand", brand);
		values.put("model", model);
		values.put("manufacturerCode", manufacturerCode);
		values.put("lengthCm", lengthCm);
		values.put("widthCm", widthCm);
		values.put("heightCm", heightCm);
		values.put("weightKg", weightKg);
		values.put("vatRate", vatRate);
		values.put("salesAccount", salesAccount);
		values.put("purchaseAccount", purchaseAccount);
		values.put("standardCost", standardCost);
		values.put("salePrice", salePrice);
		values.put("currency", currency);
		values.put("active", active);
		values.put("stage", stage.name());
		values.put("targetMarket", targetMarket);
		values.put("shelfLifeDays", shelfLifeDays);
		values.put("minStock", minStock);
		values.put("maxStock", maxStock);
		values.put("warrantyLength", warrantyLength);
		values.put("warrantyUnit", warrantyUnit);
		values.put("tracking", tracking.name());
		values.put("variantOf", variantOf);
		values.put("variantValues", ProductRow.json(variantValues));
		values.put("description", description);
	}

	private static @Nullable BigDecimal measure(PatchDocument doc, String field) {
		BigDecimal value = doc.decimal(field);
		if (value != null && (value.signum() < 0 || value.scale() > 3 || value.precision() - value.scale() > 9)) {
			doc.reject(field, "error.product.measure");
			return null;
		}
		return value;
	}

	private static @Nullable BigDecimal stockLimit(PatchDocument doc, String field) {
		BigDecimal value = doc.quantity(field);
		Products.requireNotNegative(doc, field, value);
		return value;
	}

	private static <T> T orDefault(@Nullable T value, T fallback) {
		return value == null ? fallback : value;
	}
}
