package dev.kervan.pipeline.internal;

import java.util.List;
import java.util.Map;

import dev.kervan.activities.ActivityHistory;
import dev.kervan.platform.HistoryEntry;
import dev.kervan.platform.RecordHistory;
import org.springframework.stereotype.Component;

/** The histories of opportunities and leads for their pages: their changes in words and their activities, newest first. */
@Component
public class PipelineHistory {

	private final RecordHistory history;
	private final ActivityHistory activities;

	PipelineHistory(RecordHistory history, ActivityHistory activities) {
		this.history = history;
		this.activities = activities;
	}

	/** For an opportunity the current user may see. */
	public List<HistoryEntry> of(OpportunityRow opportunity) {
		return history.of(Opportunities.RECORD_TYPE, opportunity.id(), Map.of("currency", opportunity.currency()),
				activities.of(OpportunityActivitySubjects.TYPE, opportunity.id()));
	}

	/** For a lead the current user may see. */
	public List<HistoryEntry> of(LeadRow lead) {
		return history.of(Leads.RECORD_TYPE, lead.id(), Map.of("currency", lead.currency()),
				activities.of(LeadActivitySubjects.TYPE, lead.id()));
	}
}
