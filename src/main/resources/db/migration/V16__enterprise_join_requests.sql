-- Personal centre (issue 12, Viewer 8): an individual account asks to join an enterprise that is already registered.
-- The enterprise's first account (its earliest member, the one who registered it) approves or rejects the request.
-- A user has at most one pending request at a time.
create table enterprise_join_request (
    id             bigint generated always as identity primary key,
    enterprise_id  bigint      not null references enterprise (id),
    user_id        bigint      not null references app_user (id),
    status         text        not null default 'PENDING'
                               check (status in ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED')),
    decided_by     bigint      references app_user (id),
    decided_at     timestamptz,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    check ((status = 'PENDING') = (decided_at is null))
);

create unique index enterprise_join_request_pending_key on enterprise_join_request (user_id) where status = 'PENDING';
create index enterprise_join_request_enterprise_idx on enterprise_join_request (enterprise_id, status, id);
