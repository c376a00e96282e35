-- What the global search finds opportunities and leads by: their titles and the names and e-mail addresses they carry,
-- folded in Java as accounts' are (SearchText). Filled for existing rows by the next migration (PipelineSearchText).
alter table opportunity add column search_text text not null default '';
alter table lead add column search_text text not null default '';
create index opportunity_search on opportunity using gin (search_text gin_trgm_ops);
create index lead_search on lead using gin (search_text gin_trgm_ops);
