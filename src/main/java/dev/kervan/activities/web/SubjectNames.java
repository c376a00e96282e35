package dev.kervan.activities.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.kervan.activities.ActivitySubject;
import dev.kervan.activities.internal.ActivityRow;
import dev.kervan.customers.Customers;
import dev.kervan.pipeline.Pipeline;
import org.springframework.stereotype.Component;

/** The name and page of each activity's record, looked up once per kind of record, keyed "TYPE:id". */
@Component
class SubjectNames {

	/** A record an activity is planned on, as a page links it. */
	record Subject(String name, String link) {
	}

	private final Customers customers;
	private final Pipeline pipeline;

	SubjectNames(Customers customers, Pipeline pipeline) {
		this.customers = customers;
		this.pipeline = pipeline;
	}

	Map<String, Subject> of(List<ActivityRow> rows) {
		Map<Long, String> accounts = customers.names(idsOf(rows, ActivitySubject.CUSTOMER));
		Map<Long, String> deals = pipeline.visibleOpportunityTitles(idsOf(rows, ActivitySubject.OPPORTUNITY));
		Map<Long, String> leads = pipeline.visibleLeadTitles(idsOf(rows, ActivitySubject.LEAD));
		var subjects = new HashMap<String, Subject>();
		for (ActivityRow row : rows) {
			long id = row.subjectId();
			subjects.putIfAbsent(row.subjectType() + ":" + id, switch (row.subjectType()) {
				case CUSTOMER -> new Subject(accounts.getOrDefault(id, "#" + id), "/customers/" + id);
				case OPPORTUNITY -> new Subject(deals.getOrDefault(id, "#" + id), "/pipeline/opportunities/" + id);
				case LEAD -> new Subject(leads.getOrDefault(id, "#" + id), "/pipeline/leads/" + id);
			});
		}
		return subjects;
	}

	private static List<Long> idsOf(List<ActivityRow> rows, ActivitySubject type) {
		return rows.stream().filter(r -> r.subjectType() == type).map(ActivityRow::subjectId).distinct().toList();
	}
}
