-- The notification centre: every notification sent to a user's /user/queue/notifications that must arrive (reminders,
-- onboarding decisions, merchant status, order paid/shipped/cancelled) is also kept here, written in the transaction
-- that queues it in the outbox, so a user who was offline finds it in the bell's list. Bounded: a user keeps the
-- newest livehall.notifications.per-user rows (500) and nothing older than livehall.notifications.retention (90 days).
create table user_notification (
    id         bigint generated always as identity primary key,
    user_id    bigint      not null references app_user (id) on delete cascade,
    type       text        not null check (type ~ '^[a-z][a-z0-9-]{0,31}$'),
    title      text        not null check (char_length(title) between 1 and 200),
    body       text        check (char_length(body) <= 1000),
    link       text        check (char_length(link) <= 300 and link ~ '^/[^[:space:]]*$'),
    payload    jsonb       not null,
    created_at timestamptz not null,
    read_at    timestamptz
);

-- the bell's list (newest first, keyset by id) and the per-user trim
create index user_notification_user_idx on user_notification (user_id, id desc);
-- the unread count
create index user_notification_unread_idx on user_notification (user_id) where read_at is null;
-- the retention sweep
create index user_notification_created_idx on user_notification (created_at);
