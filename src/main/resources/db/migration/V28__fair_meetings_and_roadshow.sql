-- One-to-one meetings at a fair (issue 14): the organisers' time slots and places (offline tables, online rooms),
-- meeting requests between approved participants, bookings, held / no-show marks and reminders; and the roadshow room
-- of financing fairs (the project now pitching, investor questions with upvotes, 感兴趣 marks).
-- No participant and no place is ever booked twice at overlapping times: exclusion constraints decide, whatever the
-- number of instances racing (btree_gist comes with V24).

-- a bookable time of a fair (generated in bulk, e.g. 20-minute slots from 09:00 to 17:00)
create table fair_slot (
    id         bigint      generated always as identity primary key,
    fair_id    bigint      not null references fair (id) on delete cascade,
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    check (ends_at > starts_at and ends_at - starts_at <= interval '4 hours'),
    unique (fair_id, starts_at, ends_at)
);
create index fair_slot_fair_idx on fair_slot (fair_id, starts_at);

-- where meetings happen: offline tables (洽谈桌 1..N) or online rooms with their link
create table fair_place (
    id         bigint      generated always as identity primary key,
    fair_id    bigint      not null references fair (id) on delete cascade,
    kind       text        not null check (kind in ('TABLE', 'ROOM')),
    name       text        not null check (char_length(name) between 1 and 40),
    link       text        check (char_length(link) between 8 and 500 and link ~ '^https?://'),
    position   int         not null check (position between 1 and 10000),
    active     boolean     not null default true,
    created_at timestamptz not null default now(),
    unique (fair_id, name),
    check (kind = 'TABLE' or link is not null)
);
create index fair_place_fair_idx on fair_place (fair_id, position);

-- a meeting asked for by one participant (requester) of another (invitee); once accepted it is booked in a slot at a
-- place, its time copied from the slot so the constraints can see it
create table fair_meeting (
    id              bigint      generated always as identity primary key,
    fair_id         bigint      not null references fair (id) on delete cascade,
    requester_id    bigint      not null references fair_participant (id),
    invitee_id      bigint      not null references fair_participant (id),
    requested_by    bigint      not null references app_user (id),
    message         text        not null default '' check (char_length(message) <= 500),
    preferred_slots bigint[]    not null default '{}' check (cardinality(preferred_slots) <= 5),
    status          text        not null default 'REQUESTED'
        check (status in ('REQUESTED', 'DECLINED', 'BOOKED', 'CANCELLED', 'HELD', 'NO_SHOW')),
    reason          text        check (char_length(reason) between 1 and 500),
    slot_id         bigint      references fair_slot (id),
    place_id        bigint      references fair_place (id),
    starts_at       timestamptz,
    ends_at         timestamptz,
    request_key     text        not null check (char_length(request_key) between 1 and 100),
    accept_key      text        check (char_length(accept_key) between 1 and 100),
    decided_by      bigint      references app_user (id),
    decided_at      timestamptz,
    requester_held  boolean     not null default false,
    invitee_held    boolean     not null default false,
    marked_by       bigint      references app_user (id),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    check (requester_id <> invitee_id),
    -- a booked meeting has its slot, place and time (a cancelled booking keeps them, for the record)
    check (status not in ('BOOKED', 'HELD', 'NO_SHOW')
           or (slot_id is not null and place_id is not null and starts_at is not null and ends_at is not null)),
    check (status <> 'REQUESTED' or slot_id is null),
    check (status <> 'DECLINED' or reason is not null),
    unique (requested_by, request_key),
    -- a place hosts one meeting at a time
    constraint fair_meeting_place_free exclude using gist (place_id with =, tstzrange(starts_at, ends_at) with &&)
        where (status in ('BOOKED', 'HELD', 'NO_SHOW'))
);
create index fair_meeting_fair_idx on fair_meeting (fair_id, status, starts_at);
create index fair_meeting_requester_idx on fair_meeting (requester_id, id);
create index fair_meeting_invitee_idx on fair_meeting (invitee_id, id);
create index fair_meeting_due_idx on fair_meeting (starts_at) where status = 'BOOKED';
-- one open request or booking per pair at a time
create unique index fair_meeting_open_pair on fair_meeting (least(requester_id, invitee_id), greatest(requester_id, invitee_id))
    where status in ('REQUESTED', 'BOOKED');

-- the time a booked meeting takes from each of its two participants: a participant attends one meeting at a time
-- (the row lives while the meeting is booked, held or missed; cancelling frees it)
create table fair_meeting_attendee (
    meeting_id     bigint    not null references fair_meeting (id) on delete cascade,
    participant_id bigint    not null references fair_participant (id),
    during         tstzrange not null,
    primary key (meeting_id, participant_id),
    constraint fair_meeting_attendee_free exclude using gist (participant_id with =, during with &&)
);

-- reminders sent: one per (meeting, user), whichever instance claims it first
create table fair_meeting_reminder (
    meeting_id bigint      not null references fair_meeting (id) on delete cascade,
    user_id    bigint      not null references app_user (id),
    sent_at    timestamptz not null,
    primary key (meeting_id, user_id)
);

-- the roadshow of a financing fair: its stream and the project (a PROJECT participant) pitching now
create table fair_roadshow (
    fair_id        bigint      primary key references fair (id) on delete cascade,
    stream_url     text        check (char_length(stream_url) between 8 and 500 and stream_url ~ '^(https?://|/)'),
    current_id     bigint      references fair_participant (id),
    updated_at     timestamptz not null default now()
);

-- investors' questions to a project; votes kept by the statement adding a vote (fair_roadshow_vote)
create table fair_roadshow_question (
    id          bigint      generated always as identity primary key,
    fair_id     bigint      not null references fair (id) on delete cascade,
    project_id  bigint      not null references fair_participant (id),
    user_id     bigint      not null references app_user (id),
    asker       text        not null check (char_length(asker) between 1 and 100),
    text        text        not null check (char_length(text) between 1 and 300),
    votes       int         not null default 0 check (votes >= 0),
    answered_at timestamptz,
    created_at  timestamptz not null default now()
);
create index fair_roadshow_question_rank_idx on fair_roadshow_question (fair_id, project_id, votes desc, id);

create table fair_roadshow_vote (
    question_id bigint not null references fair_roadshow_question (id) on delete cascade,
    user_id     bigint not null references app_user (id),
    primary key (question_id, user_id)
);

-- an investor's 感兴趣 in a project: once per (project, investor), which is what tells the project's owner once
create table fair_roadshow_interest (
    project_id  bigint      not null references fair_participant (id),
    investor_id bigint      not null references fair_participant (id),
    user_id     bigint      not null references app_user (id),
    created_at  timestamptz not null default now(),
    primary key (project_id, investor_id)
);
