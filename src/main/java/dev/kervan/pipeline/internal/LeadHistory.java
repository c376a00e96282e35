package dev.kervan.pipeline.internal;

import java.util.Map;

import dev.kervan.platform.FieldReading;
import dev.kervan.platform.HistoryDescriber;
import dev.kervan.platform.RecordHistory;
import org.springframework.stereotype.Component;

/** How a lead reads in its history: its fields as {@link Lead#snapshot()} writes them. */
@Component
class LeadHistory implements HistoryDescriber {

	private static final Map<String, FieldReading> FIELDS = FieldReading.labelled("history.field.")
		.choice("status", "lead.status.").said("history.lead.status")
		.text("disqualifyReason")
		.reference("opportunity", PipelineRecordNames.OPPORTUNITY)
		.reference("customer", "customer").label("pipeline.field.customer")
		.text("title")
		.text("contactName").label("lead.field.contact")
		.text("companyName").label("lead.field.company")
		.text("email").label("customer.field.email")
		.phone("phone").label("customer.field.phone")
		.text("source")
		.text("campaign")
		.money("expectedRevenue", "currency").label("pipeline.field.expected-revenue")
		.text("currency").label("customer.field.currency")
		.stars("priority").label("pipeline.field.priority")
		.list("tags").label("pipeline.field.tags")
		.reference("salesperson", RecordHistory.USER).label("customer.field.salesperson")
		.reference("team", PipelineRecordNames.TEAM)
		.longText("notes").label("pipeline.field.notes")
		.build();

	@Override
	public String recordType() {
		return Leads.RECORD_TYPE;
	}

	@Override
	public Map<String, FieldReading> fields() {
		return FIELDS;
	}
}
