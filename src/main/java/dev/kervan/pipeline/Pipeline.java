package dev.kervan.pipeline;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The pipeline as other modules see it. */
public interface Pipeline {

	/** The opportunity's title, when it exists and the current user may see it. */
	Optional<String> visibleOpportunityTitle(long id);

	/** The titles of those of the opportunities that exist and the current user may see, by id. */
	Map<Long, String> visibleOpportunityTitles(Collection<Long> ids);

	/** The active sales teams by id, in name order: who work can be handed to. */
	Map<Long, String> activeTeams();

	/** The titles of those of the leads that exist and the current user may see, by id. */
	Map<Long, String> visibleLeadTitles(Collection<Long> ids);
}
