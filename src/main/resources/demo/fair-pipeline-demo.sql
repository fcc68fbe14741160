-- Local profile demo data of the deal pipeline (fair.pipeline): pairs at every stage in the Anhui procurement fair —
-- 96 pairs of approved suppliers and buyers (40 matched, 20 contacted, 15 met, 4 dropped, 14 intentions, 3 signed:
-- Qingdao's "70 intentions, 10 signed" scaled down), and three pairs of the demo viewer's enterprise 合肥瑞丰汽车零部件
-- (met with the demo merchant's enterprise, an intention, a signed deal). Seeded once: skipped when the fair already
-- has an intention or a signed deal. Every pair gets its history (created by matching; moved by one of its sides).
with fair as (
    select id, (starts_at at time zone 'Asia/Shanghai')::date as day from fair
     where title = '2026安徽省中小企业采购对接暨商机发布会' order by id desc limit 1),
fresh as (
    select fair.* from fair
     where not exists (select 1 from fair_pair x where x.fair_id = fair.id and x.stage in ('INTENTION', 'SIGNED'))),
viewer as (
    select p.id from fair_participant p join enterprise e on e.id = p.enterprise_id, fresh
     where p.fair_id = fresh.id and p.status = 'APPROVED' and e.name = '合肥瑞丰汽车零部件有限公司'),
merchant as (
    select p.id from fair_participant p join app_user u on u.enterprise_id = p.enterprise_id and u.username = 'merchant', fresh
     where p.fair_id = fresh.id and p.status = 'APPROVED'),
suppliers as (
    select p.id, p.user_id, row_number() over (order by p.id) as k from fair_participant p, fresh
     where p.fair_id = fresh.id and p.status = 'APPROVED' and p.role in ('SUPPLIER', 'BOTH')
       and p.id not in (select id from viewer union all select id from merchant)),
buyers as (
    select p.id, p.user_id, row_number() over (order by p.id) as k from fair_participant p, fresh
     where p.fair_id = fresh.id and p.status = 'APPROVED' and p.role = 'BUYER'
       and p.id not in (select id from viewer union all select id from merchant)),
planned as (
    select s.id as a, b.id as b, s.k,
           case when s.k <= 3 then 'SIGNED' when s.k <= 17 then 'INTENTION' when s.k <= 21 then 'DROPPED'
                when s.k <= 36 then 'MET' when s.k <= 56 then 'CONTACTED' else 'MATCHED' end as stage
      from suppliers s join buyers b on b.k = s.k
     where s.k <= 96
    union all
    select m.id, v.id, 1001, 'MET' from merchant m, viewer v
    union all
    select s.id, v.id, 1002, 'INTENTION' from suppliers s, viewer v where s.k = 97
    union all
    select s.id, v.id, 1003, 'SIGNED' from suppliers s, viewer v where s.k = 98),
pairs as (
    insert into fair_pair (fair_id, low_participant_id, high_participant_id, stage, intended_amount_fen, intended_on,
                           signed_amount_fen, signed_on, note, drop_reason, version, created_at, updated_at)
    select fresh.id, least(p.a, p.b), greatest(p.a, p.b), p.stage,
           -- 10–59 万元 (the viewer's: 80 万元 and 120 万元)
           case when p.stage in ('INTENTION', 'SIGNED', 'DROPPED')
                then case p.k when 1002 then 80000000 when 1003 then 120000000 else (10 + p.k * 37 % 50) * 1000000 end end,
           case when p.stage in ('INTENTION', 'SIGNED') then fresh.day end,
           case when p.stage = 'SIGNED'
                then case p.k when 1003 then 118000000 else (10 + p.k * 37 % 50) * 950000 end end,
           case when p.stage = 'SIGNED' then fresh.day + 1 end,
           case p.stage
               when 'CONTACTED' then '已电话沟通，约定在展会洽谈区面谈'
               when 'MET' then '已在展会洽谈区面谈，对方关注交期与质量体系认证'
               when 'INTENTION' then '已达成采购意向，待技术协议与报价确认'
               when 'SIGNED' then '已签订年度采购框架协议'
               else '' end,
           case when p.stage = 'DROPPED'
                then (array['报价超出预算', '交期无法满足', '对方已选定其他供应商', '产品规格不符'])[1 + p.k % 4] end,
           case p.stage when 'MATCHED' then 0 else 1 end,
           now() - interval '2 days', now() - make_interval(hours => (p.k % 40)::int)
      from planned p, fresh
    on conflict (fair_id, low_participant_id, high_participant_id) do nothing
    returning id, stage, low_participant_id, note, drop_reason, intended_amount_fen, signed_amount_fen, created_at,
              updated_at),
created as (
    insert into fair_pair_history (pair_id, by_user_id, from_stage, to_stage, at)
    select id, null, null, 'MATCHED', created_at from pairs
    returning pair_id)
insert into fair_pair_history (pair_id, by_user_id, from_stage, to_stage, reason, note, intended_amount_fen,
                               signed_amount_fen, at)
select pairs.id, fp.user_id, 'MATCHED', pairs.stage, pairs.drop_reason, nullif(pairs.note, ''),
       pairs.intended_amount_fen, pairs.signed_amount_fen, pairs.updated_at
  from pairs join fair_participant fp on fp.id = pairs.low_participant_id
 where pairs.stage <> 'MATCHED';
