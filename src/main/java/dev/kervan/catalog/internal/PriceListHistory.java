package dev.kervan.catalog.internal;

import java.util.Map;

import dev.kervan.platform.FieldReading;
import dev.kervan.platform.HistoryDescriber;
import org.springframework.stereotype.Component;

/** How a price list reads in its history: its fields as {@link PriceLists.PriceList#snapshot()} writes them. */
@Component
class PriceListHistory implements HistoryDescriber {

	private static final Map<String, FieldReading> FIELDS = FieldReading.labelled("price-list.")
		.yesNo("active")
		.text("name")
		.text("currency").label("customer.field.currency")
		.date("validFrom").label("price-list.valid-from")
		.date("validTo").label("price-list.valid-to")
		.references("customers", "customer").label("history.field.priceListCustomers")
		.references("classes", "customer-class").label("history.field.priceListClasses")
		.number("rules").label("history.field.ruleCount")
		.build();

	@Override
	public String recordType() {
		return PriceLists.RECORD_TYPE;
	}

	@Override
	public Map<String, FieldReading> fields() {
		return FIELDS;
	}
}
