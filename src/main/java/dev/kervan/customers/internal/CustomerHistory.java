package dev.kervan.customers.internal;

import java.util.Map;

import dev.kervan.platform.FieldReading;
import dev.kervan.platform.HistoryDescriber;
import dev.kervan.platform.PartReading;
import dev.kervan.platform.RecordHistory;
import org.springframework.stereotype.Component;

/**
 * How an account reads in its history: its fields as {@link Customer#auditSnapshot()} writes them, and its parts as
 * {@link CustomerParts} and {@link CustomerFiles} write them ({@code contacts[12].phone}, {@code attachments[…]}).
 * Notes are shown as notes, so adding one is not said again as a change.
 */
@Component
class CustomerHistory implements HistoryDescriber {

	private static final Map<String, FieldReading> FIELDS = FieldReading.labelled("customer.field.")
		.yesNo("archived").label("history.field.archived").said("history.customer.archived")
		.text("name")
		.choice("kind", "customer.kind.")
		.choices("roles", "customer.role.")
		.choice("status", "customer.status.")
		.reference("salespersonId", RecordHistory.USER).label("customer.field.salesperson")
		.reference("teamId", "sales-team").label("history.field.team")
		.country("country")
		.text("taxOffice")
		.text("taxNumber")
		.text("email")
		.phone("phone")
		.text("website")
		.reference("categoryId", CustomerRecordNames.CATEGORY).label("customer.field.category")
		.reference("sectorId", CustomerRecordNames.SECTOR).label("customer.field.sector")
		.reference("sizeBandId", CustomerRecordNames.SIZE_BAND).label("customer.field.sizeBand")
		.reference("classId", CustomerRecordNames.CLASS).label("customer.field.class")
		.list("tags")
		.number("paymentTermDays")
		.money("creditLimit", "currency")
		.money("riskLimit", "currency")
		.text("currency")
		.language("language")
		.reference("referrerId", RecordHistory.USER).label("customer.field.referrer")
		.reference("priceListId", "price-list").label("history.field.priceList")
		.text("eInvoiceAlias")
		.text("receivableAccount")
		.text("payableAccount")
		.date("birthDate")
		.text("externalRef")
		.keyed("extraFields", CustomerRecordNames.EXTRA_FIELD).label("history.field.extraFields")
		.text("import").label("history.field.import")
		.build();

	private static final Map<String, PartReading> PARTS = Map.of(
			"branches", PartReading.of("history.customer.part.branches", "name", CustomerRecordNames.BRANCH,
					FieldReading.labelled("customer.part.field.")
						.text("name")
						.text("email")
						.phone("phone")
						.longText("address")
						.text("city")
						.text("managerName")
						.reference("representativeId", RecordHistory.USER).label("history.field.representative")
						.money("salesTarget", "currency").label("history.field.salesTarget")
						.longText("notes")
						.build()),
			"contacts", PartReading.of("history.customer.part.contacts", "name", CustomerRecordNames.CONTACT,
					FieldReading.labelled("customer.part.field.")
						.text("name")
						.text("jobTitle")
						.text("department")
						.reference("branchId", CustomerRecordNames.BRANCH)
						.text("email")
						.phone("phone")
						.phone("mobile")
						.language("language")
						.yesNo("portalAccess")
						.longText("notes")
						.build()),
			"addresses", PartReading.of("history.customer.part.addresses", "line1", CustomerRecordNames.ADDRESS,
					FieldReading.labelled("customer.part.field.")
						.choice("purpose", "customer.address.purpose.")
						.text("label")
						.text("line1")
						.text("line2")
						.text("district")
						.text("city")
						.text("region")
						.text("postalCode")
						.country("country")
						.build()),
			"bank-accounts", PartReading.of("history.customer.part.bank-accounts", "iban", CustomerRecordNames.BANK_ACCOUNT,
					FieldReading.labelled("customer.part.field.")
						.text("iban")
						.text("bankName")
						.text("holder")
						.text("currency")
						.build()),
			"payment-cards", PartReading.of("history.customer.part.payment-cards", "last4", CustomerRecordNames.PAYMENT_CARD,
					FieldReading.labelled("customer.part.field.")
						.text("last4")
						.text("expiry")
						.text("holder")
						.text("brand")
						.build()),
			"relations", PartReading.of("history.customer.part.relations", "relatedId", null,
					FieldReading.labelled("customer.part.field.")
						.reference("relatedId", CustomerRecordNames.CUSTOMER).label("customer.part.field.relatedName")
						.choice("type", "customer.relation.type.")
						.longText("note")
						.build()),
			"agreements", PartReading.of("history.customer.part.agreements", "title", CustomerRecordNames.AGREEMENT,
					FieldReading.labelled("customer.part.field.")
						.text("title")
						.date("startsOn")
						.date("endsOn")
						.reference("attachmentId", "attachment")
						.longText("notes")
						.build()),
			"notes", PartReading.of("history.customer.part.notes", "text", CustomerRecordNames.NOTE,
					FieldReading.labelled("customer.part.field.").longText("text").build()).addedQuietly(),
			"attachments", PartReading.of("history.part.file", null, null, Map.of()));

	@Override
	public String recordType() {
		return CustomerService.RECORD_TYPE;
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
