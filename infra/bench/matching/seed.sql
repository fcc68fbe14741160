-- A matchmaking fair at the issue's scale, for infra/bench/matching: one published procurement fair in 合肥 with
-- :enterprises approved enterprises in 16 Anhui cities (odd: SUPPLIER, even: BUYER, every 10th: BOTH), each with a
-- member account (username match-<run>-<g>, the template account's password) and 5 listings with Chinese titles,
-- descriptions and keywords drawn from its category's product words, so that matching finds overlaps.
-- psql variables: run (a tag in every name, 6 digits), enterprises, template (an account lending its password hash).
insert into app_user (username, password_hash, display_name, roles)
select 'match-' || :'run' || '-org', password_hash, '规模主办方', array['VIEWER', 'ORGANISER']
  from app_user where username = :'template';

insert into fair (organiser_id, title, kind, mode, visibility, status, starts_at, ends_at, region, venue, summary, capacity)
select id, '规模对接会' || :'run', 'PROCUREMENT', 'HYBRID', 'PUBLIC', 'PUBLISHED', now() + interval '1 day',
       now() + interval '3 days', '安徽省合肥市', '合肥滨湖国际会展中心', '匹配基准测试', 100000
  from app_user where username = 'match-' || :'run' || '-org';

create temporary table bench_category (k int primary key, code text, industry text, words text[]);
insert into bench_category values
  (0, 'C367', '汽车零部件', array['铝合金', '压铸件', '电机壳体', '电池壳体', '冲压件', '座椅骨架', '线束', '制动盘', '转向节', '减震器']),
  (1, 'C366', '汽车车身', array['车身覆盖件', '冲压件', '焊装夹具', '钣金', '挂车', '车厢', '铝合金', '模具', '涂装', '底盘']),
  (2, 'C384', '电池', array['电芯', '电池包', '正极材料', '负极材料', '隔膜', '电解液', '储能', '电池壳体', '铜箔', '模组']),
  (3, 'C398', '电子元件', array['连接器', '传感器', '印制电路板', '电容', '电感', '线束', '继电器', '贴片', '模组', '芯片']),
  (4, 'C397', '电子器件', array['芯片', '集成电路', '显示面板', '液晶模组', '功率器件', '封装', '晶圆', '传感器', '半导体', '驱动芯片']),
  (5, 'C345', '轴承齿轮', array['轴承', '齿轮', '减速器', '传动轴', '联轴器', '滚珠丝杠', '导轨', '锻件', '热处理', '精密加工']),
  (6, 'C292', '塑料制品', array['注塑件', '塑料粒子', '改性塑料', '包装材料', '吹塑', '薄膜', '模具', '内饰件', '管材', '周转箱']),
  (7, 'C33', '金属制品', array['紧固件', '不锈钢', '钣金', '五金件', '铸件', '锻件', '焊接', '金属结构', '弹簧', '螺栓']),
  (8, 'C137', '果蔬加工', array['果蔬干', '脱水蔬菜', '果汁', '罐头', '冷链', '农产品', '坚果', '预制菜', '冻干', '净菜']),
  (9, 'C149', '食品制造', array['预制菜', '调味品', '食品添加剂', '酱卤', '烘焙', '速冻食品', '包装材料', '冷链', '休闲食品', '代餐']),
  (10, 'C153', '茶叶', array['茶叶', '绿茶', '黄山毛峰', '六安瓜片', '红茶', '茶礼盒', '包装材料', '茶饮', '有机茶', '茶具']);

create temporary table bench_city (i int primary key, name text);
insert into bench_city select i, c from unnest(array['合肥市', '芜湖市', '蚌埠市', '淮南市', '马鞍山市', '淮北市', '铜陵市',
  '安庆市', '黄山市', '滁州市', '阜阳市', '宿州市', '六安市', '亳州市', '池州市', '宣城市']) with ordinality as t(c, i);

insert into enterprise (name, credit_code, region, industry, size, tier)
select (select name from bench_city where i = 1 + g % 16) || c.words[1 + g % 10] || '规模' || :'run' || '-' || g || '有限公司',
       '91' || :'run' || lpad(g::text, 10, '0'),
       '安徽省' || (select name from bench_city where i = 1 + g % 16), c.industry,
       case when g % 17 = 0 then 'LARGE' when g % 3 = 0 then 'MEDIUM' when g % 3 = 1 then 'SMALL' else 'MICRO' end,
       case when g % 13 = 0 then 'LITTLE_GIANT' when g % 7 = 0 then 'SPECIALISED' when g % 5 = 0 then 'INNOVATIVE_SME'
            else 'NONE' end
  from generate_series(1, :enterprises) g join bench_category c on c.k = g % 11;

insert into app_user (username, password_hash, display_name, enterprise_id)
select 'match-' || :'run' || '-' || g, t.password_hash, '联系人' || g, e.id
  from generate_series(1, :enterprises) g
  join enterprise e on e.credit_code = '91' || :'run' || lpad(g::text, 10, '0')
 cross join (select password_hash from app_user where username = :'template') t;

insert into fair_participant (fair_id, enterprise_id, user_id, role, status, offers, needs, amount_min_fen, amount_max_fen,
                              decided_at)
select f.id, u.enterprise_id, u.id,
       case when g % 10 = 0 then 'BOTH' when g % 2 = 1 then 'SUPPLIER' else 'BUYER' end, 'APPROVED',
       '主营产品', '采购需求',
       case when g % 2 = 0 then (g % 20 + 1) * 1000000 end, case when g % 2 = 0 then (g % 20 + 5) * 1000000 end, now()
  from generate_series(1, :enterprises) g
  join app_user u on u.username = 'match-' || :'run' || '-' || g
  join fair f on f.title = '规模对接会' || :'run';

insert into fair_listing (enterprise_id, created_by, side, title, description, category, keywords, region, quantity,
                          amount_min_fen, amount_max_fen, valid_until)
select u.enterprise_id, u.id, s.side,
       (case s.side when 'SUPPLY' then '供应' else '采购' end) || w[1 + (g * 7 + i * 3) % 10] || w[1 + (g * 3 + i) % 10],
       (case s.side when 'SUPPLY' then '本公司专业生产' else '长期采购' end) || w[1 + (g * 7 + i * 3) % 10] || '、'
           || w[1 + (g + i * 5) % 10] || '，配套' || w[1 + (g * 11 + i) % 10] || '，质量稳定，交期可靠，欢迎洽谈。',
       case when i = 4 then (select code from bench_category where k = (g + 1) % 11) else c.code end,
       array[w[1 + (g * 7 + i * 3) % 10], w[1 + (g * 3 + i) % 10]],
       e.region, (10 * (1 + g % 50)) || '万件/年',
       (g % 30 + 1) * 500000, (g % 30 + 8) * 500000, now() + interval '180 days'
  from generate_series(1, :enterprises) g
  join app_user u on u.username = 'match-' || :'run' || '-' || g
  join enterprise e on e.id = u.enterprise_id
  join bench_category c on c.k = g % 11
 cross join lateral (select c.words as w) ww
 cross join generate_series(0, 4) i
 cross join lateral (select case when g % 10 = 0 then (case when i % 2 = 0 then 'SUPPLY' else 'DEMAND' end)
                                 when g % 2 = 1 then 'SUPPLY' else 'DEMAND' end as side) s;
