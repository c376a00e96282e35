-- Every foreign key has an index led by its columns (SchemaRulesIntegrationTests): deleting or re-keying the row it
-- refers to otherwise reads the whole table once per row.
create index app_notification_recipient_fk on app_notification (recipient);
