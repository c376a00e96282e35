package dev.kervan.pipeline.internal;

import org.springframework.data.repository.CrudRepository;

/** Where opportunities are kept; lists and the board read them with their own queries. */
interface OpportunityRecords extends CrudRepository<Opportunity, Long> {
}
