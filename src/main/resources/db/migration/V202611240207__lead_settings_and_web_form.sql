-- Pipeline settings (the lead step can be switched off) and the submissions of the public lead form, counted
-- per address to slow down senders of spam.
create table pipeline_setting (
    name  varchar(40) primary key,
    value text not null
);
insert into pipeline_setting (name, value) values ('leads-enabled', 'true');

create table web_form_submission (
    id           bigint generated always as identity primary key,
    address      varchar(64) not null,
    submitted_at timestamptz not null default now()
);
create index web_form_submission_by_address on web_form_submission (address, submitted_at);
