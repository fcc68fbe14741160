-- Local profile demo meetings (MeetingDemoData runs it once the screening demo fairs and participants exist; every
-- statement keeps what is there): the Anhui procurement fair gets 40 tables and 20-minute slots from 09:00 to 17:00
-- (北京时间) on its first day; the Fujian roadshow gets three online rooms, 30-minute slots, its stream and its first
-- project pitching; the demo viewer's enterprise (合肥瑞丰汽车零部件有限公司) has a booked meeting with the demo merchant's
-- enterprise and a request from another Anhui enterprise waiting for an answer.
insert into fair_place (fair_id, kind, name, position)
select f.id, 'TABLE', '洽谈桌 ' || n, n from fair f cross join generate_series(1, 40) n
 where f.title = '2026安徽省中小企业采购对接暨商机发布会'
   and not exists (select 1 from fair_place p where p.fair_id = f.id);

insert into fair_slot (fair_id, starts_at, ends_at)
select f.id, d + make_interval(mins => 20 * n), d + make_interval(mins => 20 * n + 20)
  from fair f
 cross join lateral (select (date_trunc('day', f.starts_at at time zone 'Asia/Shanghai') + interval '9 hours')
                            at time zone 'Asia/Shanghai' as d) day
 cross join generate_series(0, 23) n
 where f.title = '2026安徽省中小企业采购对接暨商机发布会'
   and not exists (select 1 from fair_slot s where s.fair_id = f.id)
on conflict do nothing;

insert into fair_place (fair_id, kind, name, link, position)
select f.id, 'ROOM', '线上洽谈室 ' || r, 'https://meeting.example.com/livehall/fujian-' || f.id || '-' || r, n
  from fair f cross join (values (1, 'A'), (2, 'B'), (3, 'C')) as v(n, r)
 where f.title = '福建省中小企业线上投融资路演'
   and not exists (select 1 from fair_place p where p.fair_id = f.id);

insert into fair_slot (fair_id, starts_at, ends_at)
select f.id, d + make_interval(mins => 30 * n), d + make_interval(mins => 30 * n + 30)
  from fair f
 cross join lateral (select (date_trunc('day', now() at time zone 'Asia/Shanghai') + interval '1 day 14 hours')
                            at time zone 'Asia/Shanghai' as d) day
 cross join generate_series(0, 7) n
 where f.title = '福建省中小企业线上投融资路演'
   and not exists (select 1 from fair_slot s where s.fair_id = f.id)
on conflict do nothing;

insert into fair_roadshow (fair_id, stream_url, current_id)
select f.id, '/demo/stream/live.m3u8',
       (select p.id from fair_participant p where p.fair_id = f.id and p.role = 'PROJECT' and p.status = 'APPROVED'
         order by p.id limit 1)
  from fair f where f.title = '福建省中小企业线上投融资路演'
on conflict (fair_id) do nothing;

-- the viewer's enterprise invited the merchant's; the merchant accepted the third slot at table 3
with f as (select id from fair where title = '2026安徽省中小企业采购对接暨商机发布会'),
     viewer as (select p.id, p.user_id from fair_participant p, f
                 where p.fair_id = f.id and p.enterprise_id = (select enterprise_id from app_user where username = 'viewer')),
     merchant as (select p.id from fair_participant p, f
                   where p.fair_id = f.id and p.enterprise_id = (select enterprise_id from app_user where username = 'merchant')),
     slot as (select s.id, s.starts_at, s.ends_at from fair_slot s, f where s.fair_id = f.id order by s.starts_at offset 2 limit 1),
     place as (select p.id from fair_place p, f where p.fair_id = f.id and p.name = '洽谈桌 3'),
     m as (
        insert into fair_meeting (fair_id, requester_id, invitee_id, requested_by, message, preferred_slots, status,
                                  slot_id, place_id, starts_at, ends_at, request_key, accept_key, decided_at)
        select f.id, viewer.id, merchant.id, viewer.user_id, '想了解贵司冲压件的月供货能力和报价', array[slot.id], 'BOOKED',
               slot.id, place.id, slot.starts_at, slot.ends_at, 'demo-meeting-1', 'demo-accept-1', now()
          from f, viewer, merchant, slot, place
         where not exists (select 1 from fair_meeting x where x.requester_id = viewer.id and x.invitee_id = merchant.id)
        returning id, requester_id, invitee_id, starts_at, ends_at)
insert into fair_meeting_attendee (meeting_id, participant_id, during)
select m.id, x, tstzrange(m.starts_at, m.ends_at) from m cross join lateral (values (m.requester_id), (m.invitee_id)) v(x);

-- another approved Anhui enterprise asks the viewer's enterprise for a meeting
with f as (select id from fair where title = '2026安徽省中小企业采购对接暨商机发布会'),
     viewer as (select p.id from fair_participant p, f
                 where p.fair_id = f.id and p.enterprise_id = (select enterprise_id from app_user where username = 'viewer')),
     other as (select p.id, p.user_id from fair_participant p, f, viewer
                where p.fair_id = f.id and p.status = 'APPROVED' and p.id <> viewer.id
                  and p.enterprise_id <> coalesce((select enterprise_id from app_user where username = 'merchant'), 0)
                order by p.id limit 1)
insert into fair_meeting (fair_id, requester_id, invitee_id, requested_by, message, request_key)
select f.id, other.id, viewer.id, other.user_id, '我司生产汽车线束，希望与贵司洽谈配套合作', 'demo-meeting-2'
  from f, viewer, other
 where not exists (select 1 from fair_meeting x where x.invitee_id = viewer.id and x.request_key = 'demo-meeting-2');
