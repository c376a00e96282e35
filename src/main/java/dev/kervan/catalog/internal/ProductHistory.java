package dev.kervan.catalog.internal;

import java.util.Map;

import dev.kervan.platform.FieldReading;
import dev.kervan.platform.HistoryDescriber;
import dev.kervan.platform.PartReading;
import org.springframework.stereotype.Component;

/**
 * How a product reads in its history: its fields as {@link ProductRow#snapshot()} writes them, its supplier terms as
 * {@link ProductParts} writes them, and its files ({@code attachments[…]}).
 */
@Component
class ProductHistory implements HistoryDescriber {

	private static final Map<String, FieldReading> FIELDS = FieldReading.labelled("product.field.")
		.yesNo("active").label("history.field.active")
		.text("code")
		.text("name")
		.names("names").label("product.field.name")
		.choice("kind", "product.kind.")
		.reference("category", CatalogRecordNames.CATEGORY)
		.reference("unit", CatalogRecordNames.UNIT)
		.text("brand")
		.text("model")
		.text("manufacturerCode")
		.list("barcodes")
		.money("salePrice", "currency")
		.money("standardCost", "currency")
		.text("currency")
		.percent("vatRate")
		.text("salesAccount")
		.text("purchaseAccount")
		.choice("stage", "product.stage.")
		.text("targetMarket").label("history.field.targetMarket")
		.number("shelfLifeDays")
		.number("minStock")
		.number("maxStock")
		.number("warrantyLength")
		.choice("warrantyUnit", "product.warranty-unit.")
		.choice("tracking", "product.tracking.")
		.number("weightKg")
		.number("lengthCm")
		.number("widthCm")
		.number("heightCm")
		.pairs("variantValues").label("history.field.variantValues")
		.longText("description")
		.text("supplier").label("product.supplier.name").said("history.product.supplier")
		.number("supplierPrice").label("product.supplier.price")
		.hidden("by")
		.build();

	private static final Map<String, PartReading> PARTS = Map.of("attachments",
			PartReading.of("history.part.file", null, null, Map.of()));

	@Override
	public String recordType() {
		return Products.RECORD_TYPE;
	}

	@Override
	public Map<String, FieldReading> fields() {
		return FIELDS;
	}

	@Override
	public Map<String, PartReading> parts() {
		return PARTS;
	}
}
