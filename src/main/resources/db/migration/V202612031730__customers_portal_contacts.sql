-- A portal user's start page finds the companies they act for by the e-mail of contacts given portal access.
create index customer_contact_portal_email on customer_contact (lower(email)) where portal_access;
