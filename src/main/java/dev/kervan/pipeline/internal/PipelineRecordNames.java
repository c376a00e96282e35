package dev.kervan.pipeline.internal;

import java.util.Map;
import java.util.Set;

import dev.kervan.platform.RecordNames;
import dev.kervan.platform.TranslatedNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The names of teams, stages, lost reasons, opportunities and leads, for the histories that name them. */
@Component
class PipelineRecordNames implements RecordNames {

	static final String TEAM = "sales-team";
	static final String STAGE = "pipeline-stage";
	static final String LOST_REASON = "lost-reason";
	static final String OPPORTUNITY = "opportunity";
	static final String LEAD = "lead";

	private static final Map<String, String> QUERIES = Map.of(
			TEAM, "select id, %s from sales_team r where id = any(:ids)",
			STAGE, "select id, %s from pipeline_stage r where id = any(:ids)",
			LOST_REASON, "select id, %s from lost_reason r where id = any(:ids)",
			OPPORTUNITY, "select id, title from opportunity where id = any(:ids)",
			LEAD, "select id, title from lead where id = any(:ids)");

	private final JdbcClient jdbc;

	PipelineRecordNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> kinds() {
		return QUERIES.keySet();
	}

	@Override
	public Map<String, String> names(String kind, Set<String> ids) {
		// Teams, stages and lost reasons are named in the reader's language (the %s of their queries); titles as kept.
		return RecordNames.byId(jdbc, QUERIES.get(kind).formatted(TranslatedNames.shown("r")), ids);
	}
}
