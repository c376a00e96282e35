package dev.kervan.pipeline.internal;

import java.util.Map;

import dev.kervan.platform.FieldReading;
import dev.kervan.platform.HistoryDescriber;
import dev.kervan.platform.RecordHistory;
import org.springframework.stereotype.Component;

/** How an opportunity reads in its history: its fields as {@link Opportunity#snapshot()} writes them. */
@Component
class OpportunityHistory implements HistoryDescriber {

	private static final Map<String, FieldReading> FIELDS = FieldReading.labelled("history.field.")
		.reference("stage", PipelineRecordNames.STAGE).label("pipeline.field.stage").said("history.opportunity.stage")
		.choice("status", "pipeline.status.").said("history.opportunity.status")
		.reference("lostReason", PipelineRecordNames.LOST_REASON).label("pipeline.field.lost-reason")
		.longText("lostNote")
		.text("title")
		.reference("customer", "customer").label("pipeline.field.customer")
		.text("prospectName")
		.text("email").label("customer.field.email")
		.phone("phone").label("customer.field.phone")
		.money("expectedRevenue", "currency").label("pipeline.field.expected-revenue")
		.text("currency").label("customer.field.currency")
		.percent("probability").label("pipeline.field.probability")
		.stars("priority").label("pipeline.field.priority")
		.list("tags").label("pipeline.field.tags")
		.date("expectedClose").label("pipeline.field.expected-close")
		.reference("salesperson", RecordHistory.USER).label("customer.field.salesperson")
		.reference("team", PipelineRecordNames.TEAM)
		.text("source")
		.longText("notes").label("pipeline.field.notes")
		.build();

	@Override
	public String recordType() {
		return Opportunities.RECORD_TYPE;
	}

	@Override
	public Map<String, FieldReading> fields() {
		return FIELDS;
	}
}
