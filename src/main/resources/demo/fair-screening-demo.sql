-- Demo data of matchmaking fairs, screening part (local profile only; run once by FairScreeningDemoData after the demo
-- accounts exist; no bind parameters, so PostgreSQL runs it as one implicit transaction):
--   * 2026安徽省中小企业采购对接暨商机发布会 (PROCUREMENT, HYBRID, PUBLIC, 合肥): ~2,000 generated Anhui enterprises
--     (accounts that cannot log in), industries from the taxonomy's manufacturing / auto / electronics / food groups
--     (enterprise.industry is the group's name in fair/industries.tsv), mostly APPROVED, some PENDING / NEEDS_INFO;
--     the demo merchant's enterprise approved as SUPPLIER; the demo viewer gets 合肥瑞丰汽车零部件有限公司 (BUYER, approved);
--   * 福建省中小企业线上投融资路演 (ROADSHOW, ONLINE, PUBLIC, live now): 4 PROJECT enterprises, 50 INVESTOR ones
--     (10 of them banks), all approved;
--   * 皖北汽车产业链链主闭门对接会 (CHAIN, CLOSED): a dozen invited Anhui auto enterprises.
-- Credit codes are well-formed (GB 32100 check character) and unique: 91 + region code + MA + a serial.

create function pg_temp.credit_code(p17 text) returns text language sql immutable as $$
    select p17 || substr('0123456789ABCDEFGHJKLMNPQRTUWXY',
           (31 - (select sum((strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(p17, p, 1)) - 1)
                             * (array[1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])[p])
                  from generate_series(1, 17) p)::int % 31) % 31 + 1, 1)
$$;

-- the industries of the Anhui enterprises: taxonomy group name, a name suffix, what they offer, what they need
create temporary table demo_industry (k int primary key, industry text, suffix text, offers text, needs text) on commit drop;
insert into demo_industry values
    (0,  '汽车零部件及配件制造', '汽车零部件有限公司', '铝合金压铸件、转向节、制动盘、底盘结构件', '数控加工中心、压铸模具、铝锭原料、三坐标检测'),
    (1,  '汽车整车制造', '汽车有限公司', '新能源商用车、专用车整车及改装', '动力电池包、线束总成、座椅总成、车灯'),
    (2,  '汽车车身、挂车制造', '专用车有限公司', '冷藏车厢体、半挂车、车身冲压件', '高强钢板、铝型材、焊接机器人'),
    (3,  '电子器件制造', '电子科技有限公司', '功率半导体器件、传感器模组、LED 芯片', '晶圆代工、封装测试、贴片加工'),
    (4,  '电子元件及电子专用材料制造', '电子材料有限公司', '片式电容电阻、覆铜板、电子浆料', '铜箔、环氧树脂、高纯氧化铝'),
    (5,  '电池制造', '新能源电池有限公司', '磷酸铁锂电芯、储能电池包、电池管理系统', '正极材料、隔膜、电解液、铝壳'),
    (6,  '照明器具制造', '照明科技有限公司', 'LED 工矿灯、路灯、智能照明控制系统', 'LED 灯珠、铝散热器、驱动电源'),
    (7,  '铸造及其他金属制品制造', '铸造有限公司', '球墨铸铁件、精密铸件、五金冲压件', '生铁、废钢、树脂砂、中频炉'),
    (8,  '轴承、齿轮和传动部件制造', '传动科技有限公司', '精密轴承、减速机齿轮、传动轴', '轴承钢、热处理加工、磨床'),
    (9,  '泵、阀门、压缩机及类似机械制造', '流体机械有限公司', '工业阀门、离心泵、空气压缩机', '阀体铸件、密封件、电机'),
    (10, '有色金属压延加工', '铝业有限公司', '铝合金型材、铝板带、铜管', '铝锭、铜杆、挤压模具'),
    (11, '塑料制品业', '塑胶制品有限公司', '汽车内饰注塑件、塑料包装、改性塑料粒子', '聚丙烯、ABS 原料、注塑机'),
    (12, '合成材料制造', '新材料有限公司', '工程塑料、聚氨酯材料、胶粘剂', '化工原料、反应釜、检测设备'),
    (13, '其他食品制造', '食品有限公司', '速冻米面食品、烘焙食品、调味品', '面粉、包装材料、冷链物流'),
    (14, '蔬菜、菌类、水果和坚果加工', '农产品加工有限公司', '脱水蔬菜、坚果炒货、果蔬汁', '原料基地订单、包装机械、冷库'),
    (15, '精制茶加工', '茶业有限公司', '黄山毛峰、六安瓜片、祁门红茶', '茶叶包装、电商渠道、商超采购');

-- the cities of Anhui with their administrative codes
create temporary table demo_city (k int primary key, city text, code text) on commit drop;
insert into demo_city values
    (0, '合肥', '340100'), (1, '芜湖', '340200'), (2, '蚌埠', '340300'), (3, '淮南', '340400'), (4, '马鞍山', '340500'),
    (5, '淮北', '340600'), (6, '铜陵', '340700'), (7, '安庆', '340800'), (8, '黄山', '341000'), (9, '滁州', '341100'),
    (10, '阜阳', '341200'), (11, '宿州', '341300'), (12, '六安', '341500'), (13, '亳州', '341600'), (14, '池州', '341700'),
    (15, '宣城', '341800');

-- 2,000 Anhui enterprises: names from two characters of a brand, the city and the industry's suffix, unique
create temporary table demo_anhui on commit drop as
select g.i, c.city, c.code, d.industry, d.offers, d.needs,
       c.city || (array['恒','瑞','华','鑫','正','德','永','宏','安','新','金','振','天','众','远','博','创','聚','汇','通'])[g.i % 20 + 1]
              || (array['达','泰','源','盛','信','诚','邦','联','科','鼎','丰','捷','润','力','锐','拓','宇','航','晟','睿'])[(g.i / 20) % 20 + 1]
              || d.suffix as name,
       '91' || c.code || 'MA' || lpad((1000000 + g.i)::text, 7, '0') as code17,
       (array['张','王','李','赵','刘','陈','杨','黄','周','吴','徐','孙','马','朱','胡','郭'])[g.i % 16 + 1]
              || (array['经理','总','主任','工'])[(g.i / 16) % 4 + 1] as contact,
       '139' || lpad((55000000 + g.i)::text, 8, '0') as phone
from generate_series(0, 1999) as g(i)
join demo_industry d on d.k = g.i / 125
join demo_city c on c.k = (g.i * 7 + g.i / 125) % 16;

insert into enterprise (name, credit_code, region, industry, size, tier)
select a.name,
       pg_temp.credit_code(a.code17),
       '安徽省' || a.city || '市', a.industry,
       (array['SMALL','SMALL','SMALL','SMALL','MICRO','MICRO','MEDIUM','MEDIUM','MEDIUM','LARGE'])[a.i % 10 + 1],
       case when a.i % 29 = 0 then 'LITTLE_GIANT' when a.i % 17 = 0 then 'SPECIALISED'
            when a.i % 7 = 0 then 'INNOVATIVE_SME' else 'NONE' end
from demo_anhui a
on conflict (credit_code) do nothing;

insert into app_user (username, password_hash, display_name, phone, roles, enterprise_id)
select 'ah-' || lpad(a.i::text, 4, '0'), '{bcrypt}$2a$10$LockedAccountLockedAccountLockedAccountLockedAccount1',
       a.contact, a.phone, array['VIEWER'], e.id
from demo_anhui a join enterprise e on e.credit_code = pg_temp.credit_code(a.code17)
where not exists (select 1 from app_user u where lower(u.username) = 'ah-' || lpad(a.i::text, 4, '0'));

-- the demo viewer's enterprise
insert into enterprise (name, credit_code, region, industry, size, tier)
values ('合肥瑞丰汽车零部件有限公司', pg_temp.credit_code('91340100MA2RF0001'), '安徽省合肥市', '汽车零部件及配件制造',
        'MEDIUM', 'SPECIALISED')
on conflict (credit_code) do nothing;
update app_user set enterprise_id = (select id from enterprise where credit_code = pg_temp.credit_code('91340100MA2RF0001'))
 where username = 'viewer' and enterprise_id is null;

-- the fairs, by the demo organiser
insert into fair (organiser_id, title, kind, mode, visibility, status, starts_at, ends_at, region, venue, summary, capacity)
select u.id, v.title, v.kind, v.mode, v.visibility, 'PUBLISHED', v.starts, v.ends, v.region, v.venue, v.summary, v.capacity
from app_user u, (values
    ('2026安徽省中小企业采购对接暨商机发布会', 'PROCUREMENT', 'HYBRID', 'PUBLIC',
     (date_trunc('day', now() at time zone 'Asia/Shanghai') + interval '7 days 9 hours') at time zone 'Asia/Shanghai',
     (date_trunc('day', now() at time zone 'Asia/Shanghai') + interval '8 days 17 hours') at time zone 'Asia/Shanghai',
     '安徽省合肥市', '合肥滨湖国际会展中心 A3 馆',
     '由安徽省中小企业服务中心主办，面向汽车零部件、电子信息、新能源、装备制造、食品加工等行业，组织大企业、国有企业与中小企业开展采购对接，发布年度采购商机。线下设一对一洽谈区，线上同步开放需求发布与预约洽谈。', 3000),
    ('福建省中小企业线上投融资路演', 'ROADSHOW', 'ONLINE', 'PUBLIC',
     date_trunc('hour', now()) - interval '1 hour', date_trunc('hour', now()) + interval '3 days', '福建省福州市', null,
     '4 个成长型中小企业项目在线路演，50 家投资机构与银行在线观看、提问并表达投资意向。', 200),
    ('皖北汽车产业链链主闭门对接会', 'CHAIN', 'OFFLINE', 'CLOSED',
     (date_trunc('day', now() at time zone 'Asia/Shanghai') + interval '14 days 13 hours 30 minutes') at time zone 'Asia/Shanghai',
     (date_trunc('day', now() at time zone 'Asia/Shanghai') + interval '14 days 18 hours 30 minutes') at time zone 'Asia/Shanghai',
     '安徽省宿州市', '宿州高新区管委会三楼会议室',
     '邀请皖北整车及零部件链主企业与本地配套企业闭门对接，围绕本地化配套清单逐项洽谈。', 40)
) as v(title, kind, mode, visibility, starts, ends, region, venue, summary, capacity)
where u.username = 'organiser';

insert into fair_agenda_item (fair_id, position, starts_at, ends_at, title, place, speaker)
select f.id, v.pos, f.starts_at + v.offset_from, f.starts_at + v.offset_to, v.item, v.place, v.speaker
from fair f join (values
    ('2026安徽省中小企业采购对接暨商机发布会', 0, interval '0 hours', interval '1 hour', '开幕式暨年度采购商机发布', 'A3 馆主会场', '安徽省中小企业服务中心'),
    ('2026安徽省中小企业采购对接暨商机发布会', 1, interval '1 hour', interval '3 hours', '汽车零部件专场采购对接', 'A3 馆洽谈一区', null),
    ('2026安徽省中小企业采购对接暨商机发布会', 2, interval '5 hours', interval '7 hours', '电子信息与新能源专场', 'A3 馆洽谈二区', null),
    ('2026安徽省中小企业采购对接暨商机发布会', 3, interval '1 day', interval '1 day 3 hours', '食品加工与农产品专场', 'A3 馆洽谈三区', null),
    ('2026安徽省中小企业采购对接暨商机发布会', 4, interval '1 day 5 hours', interval '1 day 6 hours', '签约仪式', 'A3 馆主会场', null),
    ('福建省中小企业线上投融资路演', 0, interval '0 hours', interval '30 minutes', '开场致辞与投资机构介绍', '线上直播间', '福建省中小企业服务中心'),
    ('福建省中小企业线上投融资路演', 1, interval '30 minutes', interval '3 hours', '项目路演（4 个项目，每个 20 分钟 + 问答）', '线上直播间', null),
    ('皖北汽车产业链链主闭门对接会', 0, interval '0 hours', interval '1 hour', '链主企业发布本地化配套需求', '三楼会议室', null),
    ('皖北汽车产业链链主闭门对接会', 1, interval '1 hour', interval '5 hours', '逐项洽谈', '三楼会议室', null)
) as v(title, pos, offset_from, offset_to, item, place, speaker) on v.title = f.title
where not exists (select 1 from fair_agenda_item a where a.fair_id = f.id);

-- the Anhui participants: half suppliers, 30 % buyers, 20 % both; about 9 in 10 approved, some pending or asked for more
insert into fair_participant (fair_id, enterprise_id, user_id, role, status, offers, needs, amount_min_fen, amount_max_fen,
                              certifications, reason, decided_by, decided_at, contact_name, contact_phone, created_at,
                              updated_at)
select f.id, e.id, u.id, r.role,
       case when a.i % 20 in (3, 11) then 'PENDING' when a.i % 40 = 7 then 'NEEDS_INFO' else 'APPROVED' end,
       case when r.role = 'BUYER' then '' else a.offers end,
       a.needs,
       (a.i % 5 + 1) * 10000000::bigint, (a.i % 5 + 1) * 100000000::bigint,
       case when a.industry like '汽车%' then array['ISO 9001', 'IATF 16949']
            when a.industry like '%食品%' or a.industry like '%加工' then array['ISO 22000', 'SC 食品生产许可']
            else array['ISO 9001'] end,
       case when a.i % 40 = 7 then '请补充近一年的供货合同或采购凭证，以便核实需求真实性' end,
       case when a.i % 20 in (3, 11) then null else o.id end,
       case when a.i % 20 in (3, 11) then null else now() - interval '2 days' end,
       a.contact, a.phone,
       now() - interval '5 days' + (a.i % 48) * interval '1 hour', now() - interval '2 days'
from demo_anhui a
join enterprise e on e.credit_code = pg_temp.credit_code(a.code17)
join app_user u on lower(u.username) = 'ah-' || lpad(a.i::text, 4, '0')
join fair f on f.title = '2026安徽省中小企业采购对接暨商机发布会'
join app_user o on o.username = 'organiser'
cross join lateral (select case when a.i % 10 < 5 then 'SUPPLIER' when a.i % 10 < 8 then 'BUYER' else 'BOTH' end as role) r
on conflict (fair_id, enterprise_id) do nothing;

-- the demo merchant (a tea company, supplier) and the demo viewer (an auto parts buyer) at the Anhui fair
insert into fair_participant (fair_id, enterprise_id, user_id, role, status, offers, needs, amount_min_fen, amount_max_fen,
                              certifications, decided_by, decided_at, contact_name, contact_phone, created_at)
select f.id, u.enterprise_id, u.id, v.role, 'APPROVED', v.offers, v.needs, v.min_fen, v.max_fen, v.certs, o.id,
       now() - interval '1 day', v.contact, v.phone, now() - interval '3 days'
from (values
    ('merchant', 'SUPPLIER', '秦岭雾毫、汉中仙毫礼盒、紫阳富硒茶，可供企业工会福利与商务礼品采购', '安徽地区商超渠道、企业福利采购',
     5000000::bigint, 50000000::bigint, array['SC 食品生产许可', '有机产品认证'], '李经理', '13891000001'),
    ('viewer', 'BUYER', '', '铝合金压铸件、转向节、精密轴承、汽车内饰注塑件，年采购额约 2000 万元',
     20000000::bigint, 2000000000::bigint, array['IATF 16949'], '王经理', '13955990001')
) as v(username, role, offers, needs, min_fen, max_fen, certs, contact, phone)
join app_user u on u.username = v.username and u.enterprise_id is not null
join fair f on f.title = '2026安徽省中小企业采购对接暨商机发布会'
join app_user o on o.username = 'organiser'
on conflict (fair_id, enterprise_id) do nothing;

-- Fujian: 4 projects, 10 banks and 40 investment firms
create temporary table demo_fujian (k int primary key, name text, region text, industry text, size text, role text,
                                    offers text, needs text, min_fen bigint, max_fen bigint) on commit drop;
insert into demo_fujian values
    (0, '福州芯视界光电科技有限公司', '福建省福州市', '电子器件制造', 'SMALL', 'PROJECT',
     '车规级图像传感器模组产业化项目：已获两家整车厂定点，拟新建两条模组产线', '融资 3000 万元（A 轮股权）', 3000000000, 3000000000),
    (1, '厦门海晟新材料有限公司', '福建省厦门市', '合成材料制造', 'SMALL', 'PROJECT',
     '海洋生物基可降解材料中试线：核心专利 12 项，已完成吨级验证', '股权融资 1500 万元，另需设备贷款', 1500000000, 2000000000),
    (2, '泉州智航无人机科技有限公司', '福建省泉州市', '计算机制造', 'MICRO', 'PROJECT',
     '电力巡检无人机与机巢系统：服务 6 个地市供电公司', '股权融资 800 万元（Pre-A）', 800000000, 800000000),
    (3, '宁德锂源储能科技有限公司', '福建省宁德市', '电池制造', 'MEDIUM', 'PROJECT',
     '工商业储能系统扩产项目：年产 500 MWh 储能柜', '股权融资 5000 万元，可接受投贷联动', 5000000000, 8000000000);
insert into demo_fujian
select 3 + b.n, b.name, '福建省福州市', '货币金融服务', 'LARGE', 'INVESTOR',
       '科技贷、知识产权质押贷款、供应链金融、投贷联动', '关注专精特新与高新技术企业的信贷需求', 100000000, 5000000000
from unnest(array['兴业银行福州分行', '福建海峡银行', '中国工商银行福建省分行', '中国建设银行福建省分行', '中国银行福建省分行',
                  '中国农业银行福建省分行', '招商银行福州分行', '厦门国际银行福州分行', '泉州银行福州分行',
                  '福建省农村信用社联合社']) with ordinality as b(name, n);
insert into demo_fujian
select 14 + g.i,
       (array['福州','厦门','泉州','漳州','莆田'])[g.i % 5 + 1]
           || (array['海峡','闽江','鼓浪','武夷','丝路','东南','红土','清源'])[(g.i / 5) % 8 + 1]
           || (array['创业投资有限公司','股权投资管理有限公司','私募基金管理有限公司','产业投资基金有限公司'])[g.i % 4 + 1],
       '福建省' || (array['福州','厦门','泉州','漳州','莆田'])[g.i % 5 + 1] || '市', '资本投资服务', 'SMALL', 'INVESTOR',
       '股权投资，单笔 500 万至 5000 万元',
       (array['关注车规级电子、图像传感器、汽车电子模组等电子信息领域的成长期项目',
              '关注新材料、可降解材料、海洋生物基材料的中试与产业化项目',
              '关注无人机、电力巡检与智能装备领域的早期项目',
              '关注新能源、储能系统与锂电池产业链的扩产项目'])[g.i % 4 + 1], 500000000, 5000000000
from generate_series(0, 39) as g(i);

insert into enterprise (name, credit_code, region, industry, size, tier)
select d.name, pg_temp.credit_code('91350100MA' || lpad((2000000 + d.k)::text, 7, '0')), d.region, d.industry, d.size,
       case when d.role = 'PROJECT' then 'INNOVATIVE_SME' else 'NONE' end
from demo_fujian d
on conflict (credit_code) do nothing;

insert into app_user (username, password_hash, display_name, phone, roles, enterprise_id)
select 'fj-' || lpad(d.k::text, 3, '0'), '{bcrypt}$2a$10$LockedAccountLockedAccountLockedAccountLockedAccount1',
       (array['林','陈','黄','郑','吴','王'])[d.k % 6 + 1] || '经理', '137' || lpad((66000000 + d.k)::text, 8, '0'),
       array['VIEWER'], e.id
from demo_fujian d
join enterprise e on e.credit_code = pg_temp.credit_code('91350100MA' || lpad((2000000 + d.k)::text, 7, '0'))
where not exists (select 1 from app_user u where lower(u.username) = 'fj-' || lpad(d.k::text, 3, '0'));

insert into fair_participant (fair_id, enterprise_id, user_id, role, status, offers, needs, amount_min_fen, amount_max_fen,
                              certifications, decided_by, decided_at, contact_name, contact_phone, created_at)
select f.id, u.enterprise_id, u.id, d.role, 'APPROVED', d.offers, d.needs, d.min_fen, d.max_fen,
       case when d.role = 'PROJECT' then array['高新技术企业'] else '{}' end, o.id, now() - interval '3 days',
       u.display_name, u.phone, now() - interval '6 days'
from demo_fujian d
join app_user u on lower(u.username) = 'fj-' || lpad(d.k::text, 3, '0')
join fair f on f.title = '福建省中小企业线上投融资路演'
join app_user o on o.username = 'organiser'
on conflict (fair_id, enterprise_id) do nothing;

-- the closed-door chain fair: 12 invited Anhui auto enterprises of northern Anhui and the demo viewer's, approved (the viewer's enterprise among them)
insert into fair_participant (fair_id, enterprise_id, user_id, role, status, offers, needs, amount_min_fen, amount_max_fen,
                              certifications, invited, decided_by, decided_at, contact_name, contact_phone)
select f.id, p.enterprise_id, p.user_id, case when p.role = 'BUYER' then 'BUYER' else 'SUPPLIER' end, 'APPROVED',
       p.offers, p.needs, p.amount_min_fen, p.amount_max_fen, p.certifications, true, o.id, now() - interval '1 day',
       p.contact_name, p.contact_phone
from fair_participant p
join fair a on a.id = p.fair_id and a.title = '2026安徽省中小企业采购对接暨商机发布会'
join enterprise e on e.id = p.enterprise_id
join fair f on f.title = '皖北汽车产业链链主闭门对接会'
join app_user o on o.username = 'organiser'
where p.status = 'APPROVED'
  and (e.name = '合肥瑞丰汽车零部件有限公司'
       or p.id in (select q.id from fair_participant q join enterprise qe on qe.id = q.enterprise_id
                    where q.fair_id = a.id and q.status = 'APPROVED' and qe.industry like '汽车%'
                      and qe.region in ('安徽省宿州市', '安徽省淮北市', '安徽省蚌埠市', '安徽省阜阳市', '安徽省亳州市')
                    order by q.id limit 12))
on conflict (fair_id, enterprise_id) do nothing;

-- the screening history: registered, and the decision where there was one
insert into fair_participant_history (participant_id, from_status, to_status, note, by_user, at)
select p.id, null, 'PENDING', null, p.user_id, p.created_at
from fair_participant p join fair f on f.id = p.fair_id
where f.title in ('2026安徽省中小企业采购对接暨商机发布会', '福建省中小企业线上投融资路演', '皖北汽车产业链链主闭门对接会')
  and not exists (select 1 from fair_participant_history h where h.participant_id = p.id)
union all
select p.id, 'PENDING', p.status, p.reason, p.decided_by, p.decided_at
from fair_participant p join fair f on f.id = p.fair_id
where f.title in ('2026安徽省中小企业采购对接暨商机发布会', '福建省中小企业线上投融资路演', '皖北汽车产业链链主闭门对接会')
  and p.decided_by is not null
  and not exists (select 1 from fair_participant_history h where h.participant_id = p.id);
