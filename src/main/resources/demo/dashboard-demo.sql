-- The organisers' dashboard's history of the demo events' past (the fairs and series of the demo organiser) (local profile only; dashboard/DashboardDemoData runs it
-- once the other demo data is in, and never again once rows exist): dashboard_minute rows for the minutes before this
-- one, so the report and the history show something on first start instead of waiting for the rollup.
-- Consistent with the demo's own rows where they exist, each counted in the minute it happened:
--   fair registrations (fair_participant.created_at, not withdrawn), meetings booked (decided_at) and held (ends_at),
--   intentions, signed deals and amounts (fair_pair.updated_at at INTENTION / SIGNED), training registrations
--   (confirmed, queued_at) and check-ins (training_checkin_record.at).
-- Plausible where the demo has no rows: the audience of the training sessions that took place (a rise and fall over
-- the session, peak 150–240) and of the roadshow's first hour; unique viewers the day's so far, watch time summed.
-- The platform's rows are the sum of the others. Never overwrites a row (on conflict do nothing).
create temporary table demo_minute (scope text, minute timestamptz, vp bigint default 0, uv bigint default 0,
                                    ws bigint default 0, reg bigint default 0, ci bigint default 0, mb bigint default 0,
                                    mh bigint default 0, i bigint default 0, sd bigint default 0, sa bigint default 0)
    on commit drop;
create temporary table demo_event (scope text primary key, fair_id bigint, series_id bigint) on commit drop;
insert into demo_event
select 'fair-' || f.id, f.id, null from fair f join app_user u on u.id = f.organiser_id where u.username = 'organiser';
insert into demo_event
select 'training-' || t.id, null, t.id from training_series t join app_user u on u.id = t.organiser_id
 where u.username = 'organiser';

-- what happened, from the demo's rows
insert into demo_minute (scope, minute, reg)
select 'fair-' || x.fair_id, date_trunc('minute', created_at), count(*)
  from fair_participant x join demo_event e on e.fair_id = x.fair_id where status <> 'WITHDRAWN' and created_at < date_trunc('minute', now())
 group by 1, 2;
insert into demo_minute (scope, minute, mb)
select 'fair-' || x.fair_id, date_trunc('minute', decided_at), count(*)
  from fair_meeting x join demo_event e on e.fair_id = x.fair_id where status in ('BOOKED', 'HELD', 'NO_SHOW') and decided_at < date_trunc('minute', now())
 group by 1, 2;
insert into demo_minute (scope, minute, mh)
select 'fair-' || x.fair_id, date_trunc('minute', ends_at), count(*)
  from fair_meeting x join demo_event e on e.fair_id = x.fair_id where status = 'HELD' and ends_at < date_trunc('minute', now())
 group by 1, 2;
insert into demo_minute (scope, minute, i, sd, sa)
select 'fair-' || x.fair_id, date_trunc('minute', updated_at), count(*), count(*) filter (where stage = 'SIGNED'),
       coalesce(sum(signed_amount_fen) filter (where stage = 'SIGNED'), 0)
  from fair_pair x join demo_event e on e.fair_id = x.fair_id where stage in ('INTENTION', 'SIGNED') and updated_at < date_trunc('minute', now())
 group by 1, 2;
insert into demo_minute (scope, minute, reg)
select 'training-' || x.series_id, date_trunc('minute', queued_at), count(*)
  from training_registration x join demo_event e on e.series_id = x.series_id where state = 'CONFIRMED' and queued_at < date_trunc('minute', now())
 group by 1, 2;
insert into demo_minute (scope, minute, ci)
select 'training-' || s.series_id, date_trunc('minute', r.at), count(*)
  from training_checkin_record r join training_checkin c on c.id = r.checkin_id join training_session s on s.id = c.session_id
  join demo_event e on e.series_id = s.series_id
 where r.at < date_trunc('minute', now())
 group by 1, 2;

-- the audience: training sessions that took place, and the live roadshows' time so far (x: 0 → 1 over the room's time)
with rooms as (
    select 'training-' || t.series_id as scope, date_trunc('minute', t.started_at) as a,
           date_trunc('minute', t.ended_at) as b, 150 + t.id % 7 * 15 as peak
      from training_session t join demo_event e on e.series_id = t.series_id where t.status in ('ENDED', 'REPLAY_AVAILABLE') and t.ended_at < now()
    union all
    -- a roadshow's first afternoon: three hours of opening and pitches
    select 'fair-' || f.id, date_trunc('minute', f.starts_at),
           date_trunc('minute', least(f.ends_at, f.starts_at + interval '3 hours')), 80 + f.id % 5 * 10
      from fair f join demo_event e on e.fair_id = f.id where f.kind = 'ROADSHOW' and f.status = 'PUBLISHED' and f.starts_at < now() - interval '5 minutes'),
minutes as (
    select r.scope, m.minute, r.peak,
           extract(epoch from m.minute - r.a) / greatest(extract(epoch from r.b - r.a), 60) as x
      from rooms r cross join lateral generate_series(r.a, r.b, interval '1 minute') as m(minute)
     where m.minute < date_trunc('minute', now())),
audience as (
    select scope, minute, peak, x,
           -- a rise and fall, a little uneven from minute to minute
           greatest(3, round(peak * (0.25 + 0.75 * sin(pi() * least(1, x * 1.15)) )
                             * (0.94 + 0.06 * sin(extract(epoch from minute) / 97))))::bigint as vp
      from minutes)
insert into demo_minute (scope, minute, vp, uv, ws)
select scope, minute, vp,
       greatest(vp, round(peak * 1.7 * sqrt(least(1, x))))::bigint,
       sum(vp * 60) over (partition by scope, (minute at time zone 'Asia/Shanghai')::date order by minute)
  from audience;

insert into dashboard_minute (scope, minute, viewers_peak, unique_viewers, watch_seconds, registrations, check_ins,
                              meetings_booked, meetings_held, intentions, signed_deals, signed_amount_fen)
select scope, minute, max(vp), max(uv), max(ws), sum(reg), sum(ci), sum(mb), sum(mh), sum(i), sum(sd), sum(sa)
  from demo_minute group by scope, minute
on conflict (scope, minute) do nothing;
insert into dashboard_minute (scope, minute, viewers_peak, unique_viewers, watch_seconds, registrations, check_ins,
                              meetings_booked, meetings_held, intentions, signed_deals, signed_amount_fen)
select 'platform', minute, sum(vp), sum(uv), sum(ws), sum(reg), sum(ci), sum(mb), sum(mh), sum(i), sum(sd), sum(sa)
  from (select scope, minute, max(vp) as vp, max(uv) as uv, max(ws) as ws, sum(reg) as reg, sum(ci) as ci, sum(mb) as mb,
               sum(mh) as mh, sum(i) as i, sum(sd) as sd, sum(sa) as sa
          from demo_minute group by scope, minute) per_scope
 group by minute
on conflict (scope, minute) do nothing;
