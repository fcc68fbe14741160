-- Token revocation in PostgreSQL (the truth), with Redis only as a cache: losing Redis must never revive a revoked
-- token. Each user's token version (the `ver` claim of the tokens issued to them) is raised when their rights change;
-- tokens carrying a smaller version are refused. Logged-out tokens are kept by id until they would have expired
-- (a periodic sweeper deletes them after that).
alter table app_user add column token_version bigint not null default 0 check (token_version >= 0);
-- Tokens issued before this migration carry versions Redis alone knew, and their logouts are only in old Redis keys:
-- end them (nearly all carry version 0) rather than let a logged-out one work again; everyone logs in once more.
update app_user set token_version = 1;

create table revoked_token (
    jti         text        primary key check (char_length(jti) between 1 and 200),
    user_id     bigint      not null references app_user (id),
    expires_at  timestamptz not null,
    revoked_at  timestamptz not null default now()
);

-- the cache is filled per user (their live revocations) and the sweeper deletes by expiry
create index revoked_token_user_idx on revoked_token (user_id, expires_at);
create index revoked_token_expires_idx on revoked_token (expires_at);
