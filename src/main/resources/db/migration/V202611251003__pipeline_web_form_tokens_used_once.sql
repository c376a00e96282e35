-- The public lead form's tokens are used once: a token sent is remembered until it would have expired anyway.
create table web_form_token (
    nonce      varchar(32) primary key,
    expires_at timestamptz not null
);
create index web_form_token_by_expiry on web_form_token (expires_at);
