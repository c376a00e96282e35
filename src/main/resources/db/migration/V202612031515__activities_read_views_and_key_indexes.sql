-- What other modules may read of activities: those of their records (the board's next activity and its overdue
-- filter, the pipeline's report of work done) and the names of activity types.
create view activity_ref as
select id, type, subject_type, subject_id, status, summary, due_date, done_at from activity;

create view activity_type_ref as
select id, name from activity_type;

-- Every foreign key has an index led by its columns (SchemaRulesIntegrationTests); see the customers' migration of
-- the same day for why some are partial.
create index activity_assignee_fk on activity (assignee);
create index activity_type_fk on activity (type);
create index activity_created_by_fk on activity (created_by) where created_by is not null;
create index activity_done_by_fk on activity (done_by) where done_by is not null;
create index activity_previous_fk on activity (previous) where previous is not null;
create index activity_type_next_type_fk on activity_type (next_type) where next_type is not null;
