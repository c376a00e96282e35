-- Platform: audit trail, document numbering, attachments, idempotency keys, and the tables of the frameworks
-- we rely on (Spring Session, Spring Modulith's event publication registry).

create table audit_log (
    id           bigint generated always as identity primary key,
    occurred_at  timestamptz not null,
    actor_id     bigint,
    actor_name   text        not null,
    record_type  text        not null,
    record_id    text        not null,
    action       varchar(8)  not null check (action in ('CREATE', 'UPDATE', 'DELETE')),
    field        text        not null,
    old_value    text,
    new_value    text
);
create index audit_log_by_record on audit_log (record_type, record_id, id desc);

create table document_sequence (
    prefix     varchar(10) not null,
    year       integer     not null,
    last_value bigint      not null check (last_value > 0),
    primary key (prefix, year)
);

create table attachment (
    id           uuid primary key,
    owner_type   text        not null,
    owner_id     text        not null,
    filename     text        not null,
    content_type text        not null,
    size_bytes   bigint      not null check (size_bytes > 0),
    sha256       char(64)    not null,
    stored_in    varchar(8)  not null check (stored_in in ('DISK', 'DATABASE')),
    content      bytea,
    created_at   timestamptz not null default now(),
    created_by   text        not null,
    check ((stored_in = 'DATABASE') = (content is not null))
);
create index attachment_by_owner on attachment (owner_type, owner_id);

create table idempotency_record (
    actor_id        bigint      not null,
    idem_key        text        not null,
    request_hash    char(64)    not null,
    state           varchar(12) not null check (state in ('IN_PROGRESS', 'DONE')),
    response_status integer,
    content_type    text,
    location        text,
    etag            text,
    response_body   bytea,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    primary key (actor_id, idem_key)
);
create index idempotency_record_by_age on idempotency_record (created_at);

-- Spring Session JDBC: sessions live in PostgreSQL so that any instance serves any user.
create table spring_session (
    primary_id            char(36)     not null primary key,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval integer      not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null references spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name)
);

-- Spring Modulith's event publication registry: events between modules are delivered from here.
create table event_publication (
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
