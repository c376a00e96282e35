-- A file waiting between the upload and the mapping step of an import.
create table customer_import_upload (
    id          uuid primary key,
    filename    varchar(255) not null,
    content     bytea        not null,
    uploaded_by bigint       not null,
    created_at  timestamptz  not null default now()
);
