-- The organisers' dashboard (issue 15): per-minute rollups of the Redis tallies (common/tally/Tally), one row per
-- scope and minute with data. Written by dashboard/MinuteRollup with absolute values (insert ... on conflict do update),
-- so a replay, a restart or two instances writing the same minute never double count. Scopes: showcase, platform,
-- training-<seriesId>, fair-<fairId>. Viewer figures are the largest sample of the minute (not sums); the other figures
-- are what happened in the minute, a correction (a withdrawal, a cancelled booking) negative.
create table dashboard_minute (
    scope              text        not null check (scope ~ '^(showcase|platform|training-[1-9][0-9]{0,17}|fair-[1-9][0-9]{0,17})$'),
    minute             timestamptz not null check (extract(second from minute) = 0),
    viewers_peak       bigint      not null default 0 check (viewers_peak >= 0),
    unique_viewers     bigint      not null default 0 check (unique_viewers >= 0),
    watch_seconds      bigint      not null default 0 check (watch_seconds >= 0),
    orders             bigint      not null default 0,
    gmv_fen            bigint      not null default 0,
    deals_sold_out     bigint      not null default 0,
    registrations      bigint      not null default 0,
    check_ins          bigint      not null default 0,
    meetings_booked    bigint      not null default 0,
    meetings_held      bigint      not null default 0,
    intentions         bigint      not null default 0,
    signed_deals       bigint      not null default 0,
    signed_amount_fen  bigint      not null default 0,
    updated_at         timestamptz not null default now(),
    primary key (scope, minute)
);
