-- Training registration (issue 13, item 2): one registration per user per series. A series' settings (absent = OPEN,
-- no limit, reminders 1 day and 30 minutes before) live in their own table, whose row is also the lock that keeps
-- CAPACITY under its limit when many register at once.
create table training_registration_settings (
    series_id        bigint      primary key references training_series (id) on delete cascade,
    mode             text        not null default 'OPEN' check (mode in ('OPEN', 'CAPACITY', 'APPROVAL')),
    -- CAPACITY: confirmed <= capacity (the rest wait); APPROVAL: an optional cap on approvals; OPEN: none
    capacity         int         check (capacity between 1 and 100000),
    ask_company      text        not null default 'OFF' check (ask_company in ('OFF', 'OPTIONAL', 'REQUIRED')),
    ask_job_title    text        not null default 'OFF' check (ask_job_title in ('OFF', 'OPTIONAL', 'REQUIRED')),
    ask_phone        text        not null default 'OFF' check (ask_phone in ('OFF', 'OPTIONAL', 'REQUIRED')),
    -- minutes before each session's start, 5 minutes .. 7 days, at most 5 values
    reminder_offsets int[]       not null default '{1440,30}' check (cardinality(reminder_offsets) <= 5
        and 5 <= all (reminder_offsets) and 10080 >= all (reminder_offsets)),
    deadline         timestamptz,
    updated_at       timestamptz not null default now(),
    check (mode <> 'CAPACITY' or capacity is not null),
    check (mode <> 'OPEN' or capacity is null)
);

create table training_registration (
    id            bigint      generated always as identity primary key,
    series_id     bigint      not null references training_series (id) on delete cascade,
    user_id       bigint      not null references app_user (id) on delete cascade,
    state         text        not null check (state in ('CONFIRMED', 'WAITLISTED', 'PENDING', 'REJECTED', 'CANCELLED')),
    company       text        check (char_length(company) between 1 and 100),
    job_title     text        check (char_length(job_title) between 1 and 50),
    -- a mainland mobile number, 11 digits
    phone         text        check (phone ~ '^1[3-9][0-9]{9}$'),
    reason        text        check (char_length(reason) between 1 and 200),
    -- the waiting list's order: when the person (re)registered
    queued_at     timestamptz not null,
    decided_at    timestamptz,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    unique (series_id, user_id),
    check (state <> 'REJECTED' or reason is not null)
);
-- the organiser's lists by state and the waiting list's order
create index training_registration_series_idx on training_registration (series_id, state, queued_at, id);
-- "my registrations"
create index training_registration_user_idx on training_registration (user_id, id desc);

-- reminders sent: the unique key makes each (session, user, offset) reminder go out once, however many instances run
-- the job at the same moment
create table training_reminder_sent (
    session_id     bigint      not null references training_session (id) on delete cascade,
    user_id        bigint      not null references app_user (id) on delete cascade,
    offset_minutes int         not null check (offset_minutes between 5 and 10080),
    sent_at        timestamptz not null,
    primary key (session_id, user_id, offset_minutes)
);
