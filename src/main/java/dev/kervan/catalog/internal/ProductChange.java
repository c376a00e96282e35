package dev.kervan.catalog.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kervan.catalog.Tracking;
import dev.kervan.platform.Patch;
import dev.kervan.platform.SentVersion;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A change of a product's fields: only the fields sent change, {@code null} clears one (a cleared kind, unit, VAT
 * rate, currency, stage or tracking goes back to its usual value). Tracking, unit and kind are fixed once stock
 * moved. Fields of the product as answered (id, unit id, variant, times) may be sent back as they are: they are
 * ignored.
 */
@JsonIgnoreProperties({ "id", "unitId", "unitCode", "variantOfId", "variantValues", "createdAt", "updatedAt" })
@Schema(description = "Only the fields sent change; null clears a field. Tracking, unit and kind are fixed once stock moved.")
public record ProductChange(@Schema(maxLength = 60) Patch<String> code,
		@Schema(implementation = String.class, maxLength = 200, description = "The name; an object of names by language "
				+ "({\"en\": …, \"tr\": …}) is also taken, the English one (else the first) as the name.") Patch<ProductName> name,
		@Schema(description = "The name in other languages (en, tr, fa), at most 200 characters each.")
		Patch<Map<String, @Nullable String>> names, Patch<ProductKind> kind, Patch<Long> categoryId,
		@Schema(description = "A unit's code.", maxLength = 20) Patch<String> unit,
		@Schema(description = "Barcodes (GS1 check digits are checked); none may be another product's.")
		Patch<List<@Nullable String>> barcodes, @Schema(maxLength = 120) Patch<String> brand,
		@Schema(maxLength = 120) Patch<String> model, @Schema(maxLength = 120) Patch<String> manufacturerCode,
		Patch<BigDecimal> lengthCm, Patch<BigDecimal> widthCm, Patch<BigDecimal> heightCm, Patch<BigDecimal> weightKg,
		@Schema(description = "A percentage from 0 to 100.") Patch<BigDecimal> vatRate,
		@Schema(maxLength = 40) Patch<String> salesAccount, @Schema(maxLength = 40) Patch<String> purchaseAccount,
		Patch<BigDecimal> standardCost, Patch<BigDecimal> salePrice, @Schema(description = "ISO 4217.") Patch<String> currency,
		Patch<Boolean> active, Patch<ProductStage> stage, @Schema(maxLength = 200) Patch<String> targetMarket,
		@Schema(minimum = "1", maximum = "36500") Patch<Integer> shelfLifeDays, Patch<BigDecimal> minStock,
		Patch<BigDecimal> maxStock, @Schema(minimum = "1") Patch<Integer> warrantyLength, Patch<WarrantyUnit> warrantyUnit,
		Patch<Tracking> tracking, @Schema(maxLength = 10000) Patch<String> description,
		@Nullable SentVersion version) {

	/** The same change with the names in other languages and the barcodes as a form gives them. */
	public ProductChange withNamesAndBarcodes(Patch<Map<String, @Nullable String>> names,
			Patch<List<@Nullable String>> barcodes) {
		return new ProductChange(code, name, names, kind, categoryId, unit, barcodes, brand, model, manufacturerCode, lengthCm,
				widthCm, heightCm, weightKg, vatRate, salesAccount, purchaseAccount, standardCost, salePrice, currency, active,
				stage, targetMarket, shelfLifeDays, minStock, maxStock, warrantyLength, warrantyUnit, tracking, description,
				version);
	}
}
