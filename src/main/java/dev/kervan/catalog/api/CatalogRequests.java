package dev.kervan.catalog.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.kervan.catalog.Tracking;
import dev.kervan.catalog.internal.PriceLists;
import dev.kervan.catalog.internal.ProductKind;
import dev.kervan.catalog.internal.ProductStage;
import dev.kervan.catalog.internal.WarrantyUnit;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The request bodies of the catalog module's JSON operations, as the API reads them: the schemas of
 * {@code /v3/api-docs}. The controllers still hand the JSON to the services as a {@code PatchDocument}, which keeps a
 * PATCH's "absent stays, null clears" and refuses unknown fields; a controller that binds one of these records
 * instead must keep both. In a change ({@code …Change}) every field is optional, and {@code version} (or
 * {@code If-Match}) names the version it is based on.
 */
final class CatalogRequests {

	private CatalogRequests() {
	}

	@Schema(description = "A unit; baseUnit and factor make one that converts (BOX6 = 6 × PCS).")
	record NewUnit(@Schema(maxLength = 20) String code, @Schema(maxLength = 80) String name,
			@Schema(description = "The code of the unit it converts to.", maxLength = 20) @Nullable String baseUnit,
			@Schema(description = "How many base units one of it is; positive.") @Nullable BigDecimal factor) {
	}

	@Schema(description = "A product category, under parentId or at the top.")
	record NewCategory(@Schema(maxLength = 120) String name, @Nullable Long parentId) {
	}

	record CategoryChange(@Schema(maxLength = 120) @Nullable String name, @Nullable Long version) {
	}

	@Schema(description = "An attribute and its values, such as Colour: Red, Blue.")
	record NewAttribute(@Schema(maxLength = 80) String name,
			@Schema(description = "At most 80 characters each.") @Nullable List<String> values) {
	}

	@Schema(description = "A product or service.")
	record NewProduct(@Schema(maxLength = 60) String code,
			@Schema(maxLength = 200, description = "The name; an object of names by language ({\"en\": …, \"tr\": …}) is "
					+ "also taken, the English one (else the first) as the name.") String name,
			@Schema(description = "The name in other languages (en, tr, fa), at most 200 characters each.") @Nullable Map<String, String> names,
			@Nullable ProductKind kind, @Nullable Long categoryId,
			@Schema(description = "A unit's code; PCS when absent.", maxLength = 20) @Nullable String unit,
			@Schema(description = "Barcodes (GS1 check digits are checked); none may be another product's.") @Nullable List<String> barcodes,
			@Schema(maxLength = 120) @Nullable String brand, @Schema(maxLength = 120) @Nullable String model,
			@Schema(maxLength = 120) @Nullable String manufacturerCode, @Nullable BigDecimal lengthCm,
			@Nullable BigDecimal widthCm, @Nullable BigDecimal heightCm, @Nullable BigDecimal weightKg,
			@Schema(description = "A percentage from 0 to 100; 20 when absent.") @Nullable BigDecimal vatRate,
			@Schema(maxLength = 40) @Nullable String salesAccount, @Schema(maxLength = 40) @Nullable String purchaseAccount,
			@Nullable BigDecimal standardCost, @Nullable BigDecimal salePrice,
			@Schema(description = "ISO 4217; TRY when absent.") @Nullable String currency, @Nullable Boolean active,
			@Nullable ProductStage stage, @Schema(maxLength = 200) @Nullable String targetMarket,
			@Schema(minimum = "1", maximum = "36500") @Nullable Integer shelfLifeDays, @Nullable BigDecimal minStock,
			@Nullable BigDecimal maxStock, @Schema(minimum = "1") @Nullable Integer warrantyLength,
			@Nullable WarrantyUnit warrantyUnit, @Nullable Tracking tracking,
			@Schema(maxLength = 10000) @Nullable String description) {
	}

	@Schema(description = "Only the fields sent change; null clears a field. Tracking, unit and kind are fixed once stock moved.")
	record ProductChange(@Schema(maxLength = 60) @Nullable String code, @Schema(maxLength = 200) @Nullable String name,
			@Nullable Map<String, String> names, @Nullable ProductKind kind, @Nullable Long categoryId,
			@Schema(maxLength = 20) @Nullable String unit, @Nullable List<String> barcodes,
			@Schema(maxLength = 120) @Nullable String brand, @Schema(maxLength = 120) @Nullable String model,
			@Schema(maxLength = 120) @Nullable String manufacturerCode, @Nullable BigDecimal lengthCm,
			@Nullable BigDecimal widthCm, @Nullable BigDecimal heightCm, @Nullable BigDecimal weightKg,
			@Nullable BigDecimal vatRate, @Schema(maxLength = 40) @Nullable String salesAccount,
			@Schema(maxLength = 40) @Nullable String purchaseAccount, @Nullable BigDecimal standardCost,
			@Nullable BigDecimal salePrice, @Nullable String currency, @Nullable Boolean active, @Nullable ProductStage stage,
			@Schema(maxLength = 200) @Nullable String targetMarket,
			@Schema(minimum = "1", maximum = "36500") @Nullable Integer shelfLifeDays, @Nullable BigDecimal minStock,
			@Nullable BigDecimal maxStock, @Schema(minimum = "1") @Nullable Integer warrantyLength,
			@Nullable WarrantyUnit warrantyUnit, @Nullable Tracking tracking,
			@Schema(maxLength = 10000) @Nullable String description, @Nullable Long version) {
	}

	@Schema(description = "The attribute values to combine: one variant per combination; existing ones are kept.")
	record VariantRequest(List<AttributeChoice> attributes) {
	}

	record AttributeChoice(long attributeId, @Schema(description = "Values of the attribute.") List<String> values) {
	}

	record NewLink(long productId, @Schema(allowableValues = { "ALTERNATIVE", "RELATED" },
			description = "ALTERNATIVE links both ways.") String kind) {
	}

	@Schema(description = "A supplier of the product, or new terms of one already named.")
	record SupplierTerms(@Schema(description = "An account with the supplier role.") long supplierId,
			@Schema(maxLength = 80) @Nullable String supplierCode, @Nullable BigDecimal price, @Nullable String currency,
			@Schema(minimum = "0", maximum = "3650") @Nullable Integer leadDays, @Nullable BigDecimal minQuantity,
			@Nullable Boolean preferred) {
	}

	@Schema(description = "A competitor's price, by competitorId or by the competitor's name (made when new).")
	record NewCompetitorPrice(@Nullable Long competitorId, @Schema(maxLength = 120) @Nullable String competitor,
			BigDecimal price, @Nullable String currency,
			@Schema(description = "Not in the future; today when absent.") @Nullable LocalDate observedOn,
			@Schema(maxLength = 300) @Nullable String note) {
	}

	@Schema(description = "A price list: who it applies to (customers, classes, or everyone when neither) and its rules.")
	record NewPriceList(@Schema(maxLength = 120) String name, String currency, @Nullable Boolean active,
			@Nullable LocalDate validFrom, @Nullable LocalDate validTo, @Schema(maxLength = 2000) @Nullable String notes,
			@Nullable List<Long> customerIds, @Nullable List<Long> customerClassIds, @Nullable List<PriceRule> rules) {
	}

	@Schema(description = "Only the fields sent change; customerIds, customerClassIds and rules replace the old ones when sent.")
	record PriceListChange(@Schema(maxLength = 120) @Nullable String name, @Nullable String currency,
			@Nullable Boolean active, @Nullable LocalDate validFrom, @Nullable LocalDate validTo,
			@Schema(maxLength = 2000) @Nullable String notes, @Nullable List<Long> customerIds,
			@Nullable List<Long> customerClassIds, @Nullable List<PriceRule> rules, @Nullable Long version) {
	}

	@Schema(description = "A rule for a product, a category, or (neither) every product.")
	record PriceRule(@Nullable Long productId, @Nullable Long categoryId, PriceLists.RuleType type,
			@Schema(description = "The price (FIXED) or the percentage off (PERCENT_OFF, 0 to 100).") BigDecimal value,
			@Nullable BigDecimal minQuantity, @Nullable LocalDate validFrom, @Nullable LocalDate validTo) {
	}

	@Schema(description = "Mails the product catalogue, of a category and those below it or of all, as a PDF attachment.")
	record ProductsMail(@Schema(format = "email") String to,
			@Schema(allowableValues = { "en", "tr", "fa" }, description = "English when absent.") @Nullable String language,
			@Nullable Long categoryId, @Schema(maxLength = 5000) @Nullable String message) {
	}

	@Schema(description = "Mails a price list as a PDF attachment, with the customer's name at the top when given.")
	record PriceListMail(@Schema(format = "email") String to,
			@Schema(allowableValues = { "en", "tr", "fa" }, description = "English when absent.") @Nullable String language,
			@Nullable Long customerId, @Schema(maxLength = 5000) @Nullable String message) {
	}
}
