package dev.kervan.pipeline.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.kervan.activities.ActivitySubjects;
import dev.kervan.pipeline.Pipeline;
import org.springframework.stereotype.Component;

/** Activities on leads, for those who may see the lead. */
@Component
class LeadActivitySubjects implements ActivitySubjects {

	static final String TYPE = "LEAD";

	private final Pipeline pipeline;

	LeadActivitySubjects(Pipeline pipeline) {
		this.pipeline = pipeline;
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public boolean accepts(long id) {
		return pipeline.visibleLeadTitles(List.of(id)).containsKey(id);
	}

	@Override
	public Map<Long, String> titles(Collection<Long> ids) {
		return pipeline.visibleLeadTitles(ids);
	}

	@Override
	public String link(long id) {
		return "/pipeline/leads/" + id;
	}
}
