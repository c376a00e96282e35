package dev.kervan.pipeline.internal;

import org.springframework.data.repository.CrudRepository;

/** Where leads are kept; lists read them with their own queries. */
interface LeadRecords extends CrudRepository<Lead, Long> {
}
