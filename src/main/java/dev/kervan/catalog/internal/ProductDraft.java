package dev.kervan.catalog.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import dev.kervan.catalog.Tracking;
import dev.kervan.platform.Patch;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A product or service to enter: a code and a name are enough. The unit defaults to PCS, the kind to a good, the
 * VAT rate to 20, the currency to TRY, the stage to active and tracking to none.
 */
@Schema(description = "A product or service.")
public record ProductDraft(@Schema(maxLength = 60) String code,
		@Schema(implementation = String.class, maxLength = 200, description = "The name; an object of names by language "
				+ "({\"en\": …, \"tr\": …}) is also taken, the English one (else the first) as the name.") ProductName name,
		@Schema(description = "The name in other languages (en, tr, fa), at most 200 characters each.")
		@Nullable Map<String, @Nullable String> names, @Nullable ProductKind kind, @Nullable Long categoryId,
		@Schema(description = "A unit's code; PCS when absent.", maxLength = 20) @Nullable String unit,
		@Schema(description = "Barcodes (GS1 check digits are checked); none may be another product's.")
		@Nullable List<@Nullable String> barcodes, @Schema(maxLength = 120) @Nullable String brand,
		@Schema(maxLength = 120) @Nullable String model, @Schema(maxLength = 120) @Nullable String manufacturerCode,
		@Nullable BigDecimal lengthCm, @Nullable BigDecimal widthCm, @Nullable BigDecimal heightCm,
		@Nullable BigDecimal weightKg, @Schema(description = "A percentage from 0 to 100; 20 when absent.") @Nullable BigDecimal vatRate,
		@Schema(maxLength = 40) @Nullable String salesAccount, @Schema(maxLength = 40) @Nullable String purchaseAccount,
		@Nullable BigDecimal standardCost, @Nullable BigDecimal salePrice,
		@Schema(description = "ISO 4217; TRY when absent.") @Nullable String currency, @Nullable Boolean active,
		@Nullable ProductStage stage, @Schema(maxLength = 200) @Nullable String targetMarket,
		@Schema(minimum = "1", maximum = "36500") @Nullable Integer shelfLifeDays, @Nullable BigDecimal minStock,
		@Nullable BigDecimal maxStock, @Schema(minimum = "1") @Nullable Integer warrantyLength,
		@Nullable WarrantyUnit warrantyUnit, @Nullable Tracking tracking,
		@Schema(maxLength = 10000) @Nullable String description) {

	/** The same product with the names in other languages and the barcodes as a form gives them. */
	public ProductDraft withNamesAndBarcodes(Map<String, @Nullable String> names, List<@Nullable String> barcodes) {
		return new ProductDraft(code, name, names, kind, categoryId, unit, barcodes, brand, model, manufacturerCode, lengthCm,
				widthCm, heightCm, weightKg, vatRate, salesAccount, purchaseAccount, standardCost, salePrice, currency, active,
				stage, targetMarket, shelfLifeDays, minStock, maxStock, warrantyLength, warrantyUnit, tracking, description);
	}

	/** The fields given, as a change of a product that has only the usual values yet. */
	ProductChange asChange() {
		return new ProductChange(Patch.unlessNull(code), Patch.unlessNull(name), Patch.unlessNull(names),
				Patch.unlessNull(kind), Patch.unlessNull(categoryId), Patch.unlessNull(unit),
				Patch.unlessNull(barcodes), Patch.unlessNull(brand), Patch.unlessNull(model),
				Patch.unlessNull(manufacturerCode), Patch.unlessNull(lengthCm), Patch.unlessNull(widthCm),
				Patch.unlessNull(heightCm), Patch.unlessNull(weightKg), Patch.unlessNull(vatRate),
				Patch.unlessNull(salesAccount), Patch.unlessNull(purchaseAccount), Patch.unlessNull(standardCost),
				Patch.unlessNull(salePrice), Patch.unlessNull(currency), Patch.unlessNull(active),
				Patch.unlessNull(stage), Patch.unlessNull(targetMarket), Patch.unlessNull(shelfLifeDays),
				Patch.unlessNull(minStock), Patch.unlessNull(maxStock), Patch.unlessNull(warrantyLength),
				Patch.unlessNull(warrantyUnit), Patch.unlessNull(tracking), Patch.unlessNull(description), null);
	}
}
