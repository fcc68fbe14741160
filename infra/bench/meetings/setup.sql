-- Data for one meeting-booking benchmark run (psql -v run=<tag> -v rounds=<n> -v pairs=200 -v slots=20 -f setup.sql):
-- an organiser and, per round, two published fairs starting tomorrow:
--   race  — ONE table, <slots> 20-minute slots, <pairs> requested meetings between distinct enterprises, meeting i
--           to be accepted into slot (i mod slots): every slot is wanted by pairs/slots invitees at once;
--   spread — <pairs> tables, the same slots and pairs: every booking can succeed (throughput without losers).
-- Writes the accepts to fire (kind, round, fair, meeting, invitee user, slot) to :'out' for bench.mjs.
\set ON_ERROR_STOP on
\pset tuples_only on
\pset format unaligned

insert into app_user (username, password_hash, display_name, roles)
values ('bench-organiser-' || :'run', '{noop}unused', '压测主办方', array['VIEWER', 'ORGANISER'])
returning id as organiser_id \gset

create temporary table bench_fair as
select r, kind, null::bigint as fair_id from generate_series(1, :rounds) r cross join (values ('race'), ('spread')) k(kind);
insert into fair (organiser_id, title, kind, mode, visibility, status, starts_at, ends_at, region, venue, capacity)
select :organiser_id, '压测对接会 ' || :'run' || '-' || r || '-' || kind, 'PROCUREMENT', 'OFFLINE', 'PUBLIC', 'PUBLISHED',
       date_trunc('day', now()) + interval '1 day', date_trunc('day', now()) + interval '2 days', '合肥', '压测会场', 100000
  from bench_fair;
update bench_fair b set fair_id = f.id from fair f where f.title = '压测对接会 ' || :'run' || '-' || b.r || '-' || b.kind;

insert into fair_place (fair_id, kind, name, position)
select b.fair_id, 'TABLE', '洽谈桌 ' || n, n from bench_fair b
 cross join lateral generate_series(1, case b.kind when 'race' then 1 else :pairs end) n;
insert into fair_slot (fair_id, starts_at, ends_at)
select b.fair_id, date_trunc('day', now()) + interval '1 day 1 hour' + make_interval(mins => 20 * n),
       date_trunc('day', now()) + interval '1 day 1 hour' + make_interval(mins => 20 * n + 20)
  from bench_fair b cross join generate_series(0, :slots - 1) n;

-- two enterprises with one member each per pair: requester (side 0) and invitee (side 1)
create temporary table bench_side as
select b.r, b.kind, b.fair_id, i, side from bench_fair b cross join generate_series(0, :pairs - 1) i
 cross join (values (0), (1)) s(side);
alter table bench_side add column enterprise_id bigint, add column user_id bigint, add column participant_id bigint;
with e as (
    insert into enterprise (name, credit_code, region, industry, size)
    select '压测企业 ' || :'run' || '-' || fair_id || '-' || i || '-' || side,
           upper(substr(md5(:'run' || '-' || fair_id || '-' || i || '-' || side), 1, 18)), '合肥', '汽车零部件', 'SMALL'
      from bench_side returning id, name)
update bench_side s set enterprise_id = e.id from e
 where e.name = '压测企业 ' || :'run' || '-' || s.fair_id || '-' || s.i || '-' || s.side;
with u as (
    insert into app_user (username, password_hash, display_name, roles, enterprise_id)
    select 'bm-' || :'run' || '-' || enterprise_id, '{noop}unused', '压测企业账号', array['VIEWER'], enterprise_id
      from bench_side returning id, enterprise_id)
update bench_side s set user_id = u.id from u where u.enterprise_id = s.enterprise_id;
with p as (
    insert into fair_participant (fair_id, enterprise_id, user_id, role, status)
    select fair_id, enterprise_id, user_id, 'BOTH', 'APPROVED' from bench_side returning id, enterprise_id)
update bench_side s set participant_id = p.id from p where p.enterprise_id = s.enterprise_id;

create temporary table bench_accept as
select a.kind, a.r, a.fair_id, a.i, b.user_id as invitee_user,
       (select id from fair_slot where fair_id = a.fair_id order by starts_at offset (a.i % :slots) limit 1) as slot_id,
       a.participant_id as requester, b.participant_id as invitee, a.user_id as requester_user
  from bench_side a join bench_side b on b.fair_id = a.fair_id and b.i = a.i and b.side = 1 where a.side = 0;
alter table bench_accept add column meeting_id bigint;
with m as (
    insert into fair_meeting (fair_id, requester_id, invitee_id, requested_by, message, request_key)
    select fair_id, requester, invitee, requester_user, '压测洽谈', 'bench-' || :'run' || '-' || i from bench_accept
    returning id, requester_id)
update bench_accept a set meeting_id = m.id from m where m.requester_id = a.requester;

\o :out
copy (select kind, r, fair_id, meeting_id, invitee_user, slot_id from bench_accept order by r, kind, i) to stdout with (format csv);
\o
select 'ORGANISER_ID=' || :organiser_id;
select 'FAIRS=' || string_agg(fair_id::text, ',') from bench_fair;
