-- Lost reasons and the pipeline settings get a version like every other record people change, so that a change
-- based on an old read is refused instead of overwriting a newer one.
alter table lost_reason add column version bigint not null default 0;
insert into pipeline_setting (name, value) values ('version', '0') on conflict (name) do nothing;
