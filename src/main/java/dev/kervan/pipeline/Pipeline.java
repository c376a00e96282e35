package dev.kervan.pipeline;

import java.util.Optional;

/** The pipeline as other modules see it. */
public interface Pipeline {

	/** The opportunity's title, when it exists and the current user may see it. */
	Optional<String> visibleOpportunityTitle(long id);
}
