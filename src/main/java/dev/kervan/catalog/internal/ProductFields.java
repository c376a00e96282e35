package dev.kervan.catalog.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.kervan.catalog.Tracking;
import dev.kervan.platform.Checks;
import dev.kervan.platform.Languages;
import dev.kervan.platform.Money;
import dev.kervan.platform.Patch;
import org.jspecify.annotations.Nullable;

/**
 * A product's fields as stored, besides its barcodes: the usual ones of a new product, or a product's own, changed
 * by a {@link ProductChange} and checked together (maximum stock not below minimum, warranty length with its unit,
 * a service has no tracking). The sale price and the standard cost are in the product's currency.
 */
record ProductFields(@Nullable String code, @Nullable String name, Map<String, String> names, ProductKind kind,
		@Nullable Long category, long unit, @Nullable String brand, @Nullable String model,
		@Nullable String manufacturerCode, @Nullable BigDecimal lengthCm, @Nullable BigDecimal widthCm,
		@Nullable BigDecimal heightCm, @Nullable BigDecimal weightKg, BigDecimal vatRate, @Nullable String salesAccount,
		@Nullable String purchaseAccount, String currency, @Nullable Money standardCost, @Nullable Money salePrice,
		boolean active, ProductStage stage, @Nullable String targetMarket, @Nullable Integer shelfLifeDays,
		@Nullable BigDecimal minStock, @Nullable BigDecimal maxStock, @Nullable Integer warrantyLength,
		@Nullable WarrantyUnit warrantyUnit, Tracking tracking, @Nullable Long variantOf,
		Map<String, String> variantValues, @Nullable String description) {

	/** A hundred years: longer is a typing error, and dates computed from it would leave the calendar. */
	private static final int MOST_SHELF_LIFE_DAYS = 36_500;

	private static final BigDecimal USUAL_VAT_RATE = BigDecimal.valueOf(20);

	private static final String USUAL_CURRENCY = "TRY";

	ProductFields {
		names = Map.copyOf(names);
		variantValues = Map.copyOf(variantValues);
	}

	/** A new product's fields before anything is given: in pieces, a good, 20% VAT, in TRY, active, untracked. */
	static ProductFields usual(long pieceUnit) {
		return new ProductFields(null, null, Map.of(), ProductKind.GOOD, null, pieceUnit, null, null, null, null, null,
				null, null, USUAL_VAT_RATE, null, null, USUAL_CURRENCY, null, null, true, ProductStage.ACTIVE, null, null,
				null, null, null, null, Tracking.NONE, null, Map.of(), null);
	}

	static ProductFields of(ProductRow row) {
		return new ProductFields(row.code(), row.name(), row.names(), row.kind(), row.categoryId(), row.unitId(),
				row.brand(), row.model(), row.manufacturerCode(), row.lengthCm(), row.widthCm(), row.heightCm(),
				row.weightKg(), row.vatRate(), row.salesAccount(), row.purchaseAccount(), row.currency(),
				money(row.standardCost(), row.currency()), money(row.salePrice(), row.currency()), row.active(), row.stage(),
				row.targetMarket(), row.shelfLifeDays(), row.minStock(), row.maxStock(), row.warrantyLength(),
				row.warrantyUnit() == null ? null : WarrantyUnit.valueOf(row.warrantyUnit()), row.tracking(),
				row.variantOfId(), row.variantValues(), row.description());
	}

	/**
	 * These fields changed as a change says, each checked (a problem goes into {@code checks}, naming its field, and
	 * leaves the field as it was): what a product would be after it.
	 */
	ProductFields changedBy(ProductChange change, Checks checks, Units units, ProductCategories categories) {
		String newCode = checks.code("code", change.code(), 60).applyTo(code);
		checks.required("code", newCode);
		String newName = checks.name("name", change.name().map(ProductName::text), 200).applyTo(name);
		checks.required("name", newName);
		ProductKind newKind = orUsual(change.kind(), kind, ProductKind.GOOD);
		Long newCategory = change.categoryId().applyTo(category);
		if (change.categoryId().isGiven() && newCategory != null && !categories.exists(newCategory)) {
			checks.reject("categoryId", "error.product.unknown-category", String.valueOf(newCategory));
		}
		long newUnit = unit;
		String unitCode = checks.code("unit", change.unit(), 20).value();
		if (unitCode != null) {
			var found = units.idOf(unitCode);
			if (found.isPresent()) {
				newUnit = found.get();
			}
			else {
				checks.reject("unit", "error.product.unknown-unit", unitCode);
			}
		}
		BigDecimal newVatRate = vatRate;
		if (change.vatRate().isGiven()) {
			BigDecimal rate = checks.decimal("vatRate", change.vatRate().value());
			if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0 || rate.scale() > 2) {
				checks.reject("vatRate", "error.value.range", 0, 100);
			}
			else {
				newVatRate = rate;
			}
		}
		String newCurrency = change.currency().isGiven() ? orUsual(checks.currency("currency", change.currency().value()))
				: currency;
		BigDecimal newStandardCost = checks.amount("standardCost", change.standardCost()).applyTo(amount(standardCost));
		BigDecimal newSalePrice = checks.amount("salePrice", change.salePrice()).applyTo(amount(salePrice));
		BigDecimal newMinStock = stockLimit(checks, "minStock", change.minStock()).applyTo(minStock);
		BigDecimal newMaxStock = stockLimit(checks, "maxStock", change.maxStock()).applyTo(maxStock);
		if (newMinStock != null && newMaxStock != null && newMaxStock.compareTo(newMinStock) < 0) {
			checks.reject("maxStock", "error.product.max-below-min");
		}
		Integer newWarrantyLength = change.warrantyLength().applyTo(warrantyLength);
		if (change.warrantyLength().isGiven() && newWarrantyLength != null && newWarrantyLength <= 0) {
			checks.reject("warrantyLength", "error.value.positive");
		}
		WarrantyUnit newWarrantyUnit = change.warrantyUnit().applyTo(warrantyUnit);
		if ((newWarrantyLength == null) != (newWarrantyUnit == null)) {
			checks.reject(newWarrantyLength == null ? "warrantyLength" : "warrantyUnit", "error.product.warranty-pair");
		}
		else if (newWarrantyLength != null && newWarrantyLength > newWarrantyUnit.longest()) {
			checks.reject("warrantyLength", "error.value.range", 1, newWarrantyUnit.longest());
		}
		Tracking newTracking = orUsual(change.tracking(), tracking, Tracking.NONE);
		if (newKind == ProductKind.SERVICE && newTracking != Tracking.NONE) {
			checks.reject("tracking", "error.product.service-tracking");
		}
		return new ProductFields(newCode, newName, names(change, checks), newKind, newCategory, newUnit,
				checks.name("brand", change.brand(), 120).applyTo(brand),
				checks.name("model", change.model(), 120).applyTo(model),
				checks.code("manufacturerCode", change.manufacturerCode(), 120).applyTo(manufacturerCode),
				measure(checks, "lengthCm", change.lengthCm()).applyTo(lengthCm),
				measure(checks, "widthCm", change.widthCm()).applyTo(widthCm),
				measure(checks, "heightCm", change.heightCm()).applyTo(heightCm),
				measure(checks, "weightKg", change.weightKg()).applyTo(weightKg), newVatRate,
				checks.code("salesAccount", change.salesAccount(), 40).applyTo(salesAccount),
				checks.code("purchaseAccount", change.purchaseAccount(), 40).applyTo(purchaseAccount), newCurrency,
				money(newStandardCost, newCurrency), money(newSalePrice, newCurrency),
				change.active().isGiven() ? !Boolean.FALSE.equals(change.active().value()) : active,
				orUsual(change.stage(), stage, ProductStage.ACTIVE),
				checks.name("targetMarket", change.targetMarket(), 200).applyTo(targetMarket),
				checks.range("shelfLifeDays", change.shelfLifeDays(), 1, MOST_SHELF_LIFE_DAYS).applyTo(shelfLifeDays),
				newMinStock, newMaxStock, newWarrantyLength, newWarrantyUnit, newTracking, variantOf, variantValues,
				checks.freeText("description", change.description(), 10_000).applyTo(description));
	}

	/** The columns of the product these fields are written to, by the names its statements use. */
	Map<String, @Nullable Object> columns() {
		var values = new HashMap<String, @Nullable Object>();
		values.put("code", code);
		values.put("name", name);
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
		values.put("standardCost", amount(standardCost));
		values.put("salePrice", amount(salePrice));
		values.put("currency", currency);
		values.put("active", active);
		values.put("stage", stage.name());
		values.put("targetMarket", targetMarket);
		values.put("shelfLifeDays", shelfLifeDays);
		values.put("minStock", minStock);
		values.put("maxStock", maxStock);
		values.put("warrantyLength", warrantyLength);
		values.put("warrantyUnit", warrantyUnit == null ? null : warrantyUnit.name());
		values.put("tracking", tracking.name());
		values.put("variantOf", variantOf);
		values.put("variantValues", ProductRow.json(variantValues));
		values.put("description", description);
		return values;
	}

	/**
	 * The names in other languages after the change: those sent (only the languages Kervan speaks, each at most 200
	 * characters, blank ones dropped), with the translations of a name sent by language for the languages not named.
	 */
	private Map<String, String> names(ProductChange change, Checks checks) {
		Map<String, String> translations = change.name().isGiven() && change.name().value() != null
				? change.name().value().translations() : Map.of();
		if (!change.names().isGiven() && translations.isEmpty()) {
			return names;
		}
		var sent = new LinkedHashMap<String, @Nullable String>(translations);
		if (change.names().value() != null) {
			sent.putAll(change.names().value());
		}
		var kept = new LinkedHashMap<String, String>();
		sent.forEach((language, text) -> {
			String field = "names." + language;
			if (Languages.supported(language).isEmpty()) {
				checks.reject(field, "error.product.language");
				return;
			}
			String checked = checks.name(field, text, 200);
			if (checked != null) {
				kept.put(language, checked);
			}
		});
		return kept;
	}

	private static Patch<BigDecimal> measure(Checks checks, String field, Patch<BigDecimal> sent) {
		return sent.map(value -> {
			BigDecimal measure = checks.decimal(field, value);
			if (measure != null && (measure.signum() < 0 || measure.scale() > 3 || measure.precision() - measure.scale() > 9)) {
				checks.reject(field, "error.product.measure");
				return null;
			}
			return measure;
		});
	}

	private static Patch<BigDecimal> stockLimit(Checks checks, String field, Patch<BigDecimal> sent) {
		return sent.map(value -> {
			BigDecimal limit = checks.quantity(field, value);
			if (limit != null && limit.signum() < 0) {
				checks.reject(field, "error.value.not-negative");
			}
			return limit;
		});
	}

	/** A currency that was refused still makes an amount, which is never written: the refusal is thrown first. */
	private static @Nullable Money money(@Nullable BigDecimal amount, String currency) {
		return amount == null ? null : Money.of(amount, Money.isCurrency(currency) ? currency : USUAL_CURRENCY);
	}

	private static @Nullable BigDecimal amount(@Nullable Money money) {
		return money == null ? null : money.amount();
	}

	private static String orUsual(@Nullable String currency) {
		return currency == null ? USUAL_CURRENCY : currency;
	}

	/** A choice after the change: the one sent, the usual one when cleared, the current one when not sent. */
	private static <E extends Enum<E>> E orUsual(Patch<E> sent, E current, E usual) {
		if (!sent.isGiven()) {
			return current;
		}
		return sent.value() == null ? usual : sent.value();
	}
}
