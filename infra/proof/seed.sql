-- Data of one multi-instance proof run (psql -v run=<tag> -v buyers=<n> -v pairs=<n> -v slots=<n> -f seed.sql):
--   showcase: a trading merchant (one MERCHANT user), a product, two LIVE sessions (rooms A and B);
--   training: an organiser, a series and a session starting now (the proof starts it through the API);
--   fair: a published fair tomorrow with ONE table and <slots> slots, <pairs> requested meetings between distinct
--         enterprises, meeting i to be accepted into slot (i mod slots): only <slots> of the accepts can book;
--   an admin (the dashboard check);
--   <buyers> viewer accounts (no password: the proof mints their tokens with the instances' shared signing key).
-- Prints name=value lines for run.sh, and writes the meetings to accept (meeting, invitee user, slot) to :'out'.
\set ON_ERROR_STOP on
\pset tuples_only on
\pset format unaligned

insert into enterprise (name, credit_code, region, industry, size)
values ('验证企业 ' || :'run', upper(substr(md5('proof-' || :'run'), 1, 18)), '西安市', '食品', 'SMALL')
returning id as enterprise_id \gset
insert into app_user (username, password_hash, display_name, roles, enterprise_id)
values ('proof-merchant-' || :'run', '{noop}unused', '验证商家', array['VIEWER', 'MERCHANT'], :enterprise_id)
returning id as merchant_user_id \gset
insert into selection_round (name, quota, opens_at, closes_at, created_by)
values ('验证轮次', 20, now() - interval '1 day', now() + interval '1 day', :merchant_user_id)
returning id as round_id \gset
insert into merchant_application (round_id, enterprise_id, applicant_id, contact_name, contact_phone, category,
                                  proposed_products, status)
values (:round_id, :enterprise_id, :merchant_user_id, '联系人', '13800000000', 'FAMOUS_QUALITY', '验证', 'APPROVED')
returning id as application_id \gset
insert into merchant (enterprise_id, application_id, display_name)
values (:enterprise_id, :application_id, '验证商家') returning id as merchant_id \gset
insert into agreement_acceptance (merchant_id, agreement_id, accepted_by, text_sha256)
select :merchant_id, id, :merchant_user_id, text_sha256
from (select distinct on (kind) id, text_sha256 from agreement_version order by kind, version desc) newest;
insert into product (merchant_id, name, category, region, price_fen, stock, status)
values (:merchant_id, '验证茶叶', 'FAMOUS_QUALITY', '西安市', 9900, 100000, 'ON_SALE') returning id as product_id \gset
insert into live_session (merchant_id, title, starts_at, stream_url, status, started_at)
values (:merchant_id, '验证直播 A', now(), 'https://live.example.com/proof-a.flv', 'LIVE', now()) returning id as room_a \gset
insert into live_session (merchant_id, title, starts_at, stream_url, status, started_at)
values (:merchant_id, '验证直播 B', now(), 'https://live.example.com/proof-b.flv', 'LIVE', now()) returning id as room_b \gset

with b as (
    insert into app_user (username, password_hash, display_name, roles)
    select 'proof-' || :'run' || '-' || i, '{noop}unused', '观众' || i, array['VIEWER'] from generate_series(1, :buyers) i
    returning id)
select min(id) as first_buyer, max(id) as last_buyer from b \gset

insert into app_user (username, password_hash, display_name, roles)
values ('proof-organiser-' || :'run', '{noop}unused', '验证主办方', array['VIEWER', 'ORGANISER'])
returning id as organiser_id \gset
insert into app_user (username, password_hash, display_name, roles)
values ('proof-admin-' || :'run', '{noop}unused', '验证管理员', array['VIEWER', 'ADMIN'])
returning id as admin_id \gset
insert into training_series (organiser_id, title, audience, tags)
values (:organiser_id, '验证：多实例培训 ' || :'run', '中小企业', array['验证'])
returning id as series_id \gset
insert into training_session (series_id, title, lecturer, starts_at, duration_minutes, stream_url)
values (:series_id, '惠企政策解读（验证）', '验证讲师', now(), 60, '/demo/stream/live.m3u8')
returning id as training_id \gset

insert into fair (organiser_id, title, kind, mode, visibility, status, starts_at, ends_at, region, venue, capacity)
values (:organiser_id, '验证对接会 ' || :'run', 'PROCUREMENT', 'OFFLINE', 'PUBLIC', 'PUBLISHED',
        date_trunc('day', now()) + interval '1 day', date_trunc('day', now()) + interval '2 days', '西安', '验证会场', 1000)
returning id as fair_id \gset
insert into fair_place (fair_id, kind, name, position) values (:fair_id, 'TABLE', '洽谈桌 1', 1);
insert into fair_slot (fair_id, starts_at, ends_at)
select :fair_id, date_trunc('day', now()) + interval '1 day 1 hour' + make_interval(mins => 20 * n),
       date_trunc('day', now()) + interval '1 day 1 hour' + make_interval(mins => 20 * n + 20)
  from generate_series(0, :slots - 1) n;

-- two enterprises with one member each per pair: requester (side 0) and invitee (side 1)
create temporary table proof_side as
select i, side, null::bigint as enterprise_id, null::bigint as user_id, null::bigint as participant_id
  from generate_series(0, :pairs - 1) i cross join (values (0), (1)) s(side);
with e as (
    insert into enterprise (name, credit_code, region, industry, size)
    select '验证企业 ' || :'run' || '-' || i || '-' || side, upper(substr(md5('proof-' || :'run' || '-' || i || '-' || side), 1, 18)),
           '西安', '汽车零部件', 'SMALL' from proof_side returning id, name)
update proof_side s set enterprise_id = e.id from e where e.name = '验证企业 ' || :'run' || '-' || s.i || '-' || s.side;
with u as (
    insert into app_user (username, password_hash, display_name, roles, enterprise_id)
    select 'pm-' || :'run' || '-' || enterprise_id, '{noop}unused', '验证企业账号', array['VIEWER'], enterprise_id
      from proof_side returning id, enterprise_id)
update proof_side s set user_id = u.id from u where u.enterprise_id = s.enterprise_id;
with p as (
    insert into fair_participant (fair_id, enterprise_id, user_id, role, status)
    select :fair_id, enterprise_id, user_id, 'BOTH', 'APPROVED' from proof_side returning id, enterprise_id)
update proof_side s set participant_id = p.id from p where p.enterprise_id = s.enterprise_id;

create temporary table proof_accept as
select a.i, b.user_id as invitee_user, a.participant_id as requester, b.participant_id as invitee, a.user_id as requester_user,
       (select id from fair_slot where fair_id = :fair_id order by starts_at offset (a.i % :slots) limit 1) as slot_id,
       null::bigint as meeting_id
  from proof_side a join proof_side b on b.i = a.i and b.side = 1 where a.side = 0;
with m as (
    insert into fair_meeting (fair_id, requester_id, invitee_id, requested_by, message, request_key)
    select :fair_id, requester, invitee, requester_user, '验证洽谈', 'proof-' || :'run' || '-' || i from proof_accept
    returning id, requester_id)
update proof_accept a set meeting_id = m.id from m where m.requester_id = a.requester;

\o :out
copy (select meeting_id, invitee_user, slot_id from proof_accept order by i) to stdout with (format csv);
\o
select 'MERCHANT_USER_ID=' || :merchant_user_id;
select 'PRODUCT_ID=' || :product_id;
select 'ROOM_A=' || :room_a;
select 'ROOM_B=' || :room_b;
select 'FIRST_BUYER=' || :first_buyer;
select 'LAST_BUYER=' || :last_buyer;
select 'ORGANISER_ID=' || :organiser_id;
select 'ADMIN_ID=' || :admin_id;
select 'SERIES_ID=' || :series_id;
select 'TRAINING_ID=' || :training_id;
select 'FAIR_ID=' || :fair_id;
