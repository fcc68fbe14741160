-- Issue 12 (merchant console): chat mutes of a live session, and how many sessions a merchant may have live at once.

-- A user muted in one live session's chat by its merchant or an organiser. PostgreSQL (not Redis) so a mute holds
-- across instance restarts and a Redis loss; it ends with the session (a mute names one session only).
create table live_chat_mute (
    session_id bigint      not null references live_session (id) on delete cascade,
    user_id    bigint      not null references app_user (id),
    muted_by   bigint      not null references app_user (id),
    created_at timestamptz not null default now(),
    primary key (session_id, user_id)
);

-- Sessions a merchant may have LIVE at the same time (going live past it answers 409); organisers raise it.
alter table merchant add column live_allowance smallint not null default 1
    check (live_allowance between 1 and 10);
