-- Demo listings of the Anhui procurement fair (local profile only; run once by ListingDemoData after the fair
-- screening's demo data made the fair "2026安徽省中小企业采购对接暨商机发布会" and its enterprises): five listings per
-- enterprise taking part (about 10,000), drawn from templates of its trade (auto parts, electronics, food and tea,
-- general manufacturing) so supply and demand overlap for matching; the demo merchant's enterprise offers tea and food,
-- the demo viewer's enterprise (合肥瑞丰汽车零部件有限公司) seeks aluminium die castings. One statement per step.

create temporary table demo_listing_template (
    trade       text   not null,
    n           int    not null,
    category    text   not null,
    side        text   not null,
    title       text   not null,
    description text   not null,
    keywords    text[] not null,
    quantity    text,
    min_wan     int,
    max_wan     int
) on commit drop;

insert into demo_listing_template values
    ('auto', 0, 'C367', 'SUPPLY', '铝合金压铸件批量供应', '冷室压铸机 16 台（280T–1600T），可供新能源汽车电机壳体、变速箱壳体、支架类铝合金压铸件，A380/ADC12 材质，IATF 16949 认证，支持来图来样开发与后道机加工。', array['铝合金压铸', '压铸件', '电机壳体', 'IATF 16949'], '30 万件/年', 50, 500),
    ('auto', 1, 'C367', 'SUPPLY', '汽车制动盘、制动鼓', '灰铸铁 HT250 制动盘、制动鼓，覆盖乘用车与轻卡主流车型，动平衡检测全检，可配套主机厂与售后市场。', array['制动盘', '制动鼓', '铸铁件', '刹车盘'], '20 万只/年', 30, 300),
    ('auto', 2, 'C367', 'SUPPLY', '汽车线束总成定制', '低压整车线束与新能源高压线束总成，自动压接与导通测试，可按客户图纸开发，配套连接器与护套。', array['线束', '高压线束', '连接器', '新能源汽车'], '50 万套/年', 20, 400),
    ('auto', 3, 'C367', 'DEMAND', '采购铝合金压铸毛坯件', '年需电机端盖、壳体类铝合金压铸毛坯约 10 万件，要求 A380 材质、气密性检测，优先合肥周边 200 公里内供应商。', array['铝合金压铸', '毛坯件', '压铸件', '端盖'], '10 万件/年', 80, 300),
    ('auto', 4, 'C345', 'DEMAND', '采购精密齿轮与轴承', '减速器配套用精密齿轮（模数 1.5–4）与深沟球轴承，需提供 PPAP 资料，按季度下单。', array['齿轮', '轴承', '传动部件', '减速器'], '每季度 2 万套', 40, 200),
    ('auto', 5, 'C339', 'SUPPLY', '球墨铸铁精密铸造件', '消失模与树脂砂工艺，QT450/QT600 球墨铸铁件，单重 0.5–200 kg，配套汽车、工程机械。', array['铸造', '球墨铸铁', '精密铸件', '消失模'], '5000 吨/年', 60, 600),
    ('auto', 6, 'C292', 'DEMAND', '采购汽车内饰注塑件', '门板、立柱护板等内饰注塑件，PP 改性料，需具备 800T 以上注塑机与皮纹处理能力。', array['注塑件', '内饰件', 'PP改性料', '模具'], '15 万件/年', 30, 250),
    ('auto', 7, 'C366', 'SUPPLY', '专用车车厢及挂车改装', '冷藏车厢、厢式挂车改装与维修，具备公告资质，可承接批量订单。', array['挂车', '车厢', '专用车', '冷藏车'], '800 台/年', 100, 1500),
    ('electronics', 0, 'C398', 'SUPPLY', 'PCB 贴片加工（SMT）', '8 条高速 SMT 线，0201 元件贴装，AOI/X-Ray 检测，承接 PCBA 一站式加工，小批量 48 小时交付。', array['PCB', 'SMT贴片', 'PCBA', '电子组装'], '月产 50 万点', 10, 200),
    ('electronics', 1, 'C398', 'SUPPLY', '贴片电容、电感等被动元件', 'MLCC 贴片电容、功率电感现货与定制，车规级 AEC-Q200 型号齐全，可提供样品。', array['贴片电容', 'MLCC', '电感', '被动元件'], '月供 5000 万只', 5, 100),
    ('electronics', 2, 'C398', 'DEMAND', '采购 PCB 多层板', '4–8 层 FR-4 多层板，板厚 1.6 mm，沉金工艺，需快速打样与稳定批量交付能力。', array['PCB', '多层板', '打样', '沉金'], '每月 2000 平方米', 20, 150),
    ('electronics', 3, 'C384', 'SUPPLY', '动力锂电池模组与储能柜', '磷酸铁锂电芯模组、工商业储能柜，含 BMS 与热管理，提供系统集成与运维。', array['锂电池', '电池模组', '储能', '磷酸铁锂'], '1 GWh/年', 200, 3000),
    ('electronics', 4, 'C384', 'DEMAND', '采购电芯与 BMS 保护板', '两轮车与储能产品用 18650/32700 电芯及 BMS 保护板，要求 UN38.3 认证。', array['电芯', 'BMS', '储能', '锂电池'], '每月 20 万只', 50, 500),
    ('electronics', 5, 'C387', 'SUPPLY', 'LED 照明灯具 OEM', '工矿灯、路灯、面板灯 OEM/ODM，CE/CCC 认证，可贴牌，支持智能调光方案。', array['LED', '照明', '灯具', 'OEM'], '100 万只/年', 10, 300),
    ('electronics', 6, 'C397', 'DEMAND', '采购功率半导体器件', '变频与充电桩产品用 IGBT 模块、MOSFET，需原厂授权或可追溯渠道，年度框架采购。', array['IGBT', '功率器件', 'MOSFET', '半导体'], '年需 30 万只', 100, 800),
    ('electronics', 7, 'C391', 'SUPPLY', '工控机与嵌入式主板', '国产化工控机、ARM/X86 嵌入式主板，宽温设计，支持定制接口与系统预装。', array['工控机', '嵌入式', '主板', '国产化'], '2 万台/年', 20, 400),
    ('food', 0, 'C153', 'SUPPLY', '黄山毛峰、太平猴魁茶叶', '自有茶园 800 亩，明前黄山毛峰、太平猴魁，SC 认证，可定制企业礼盒与团购装。', array['茶叶', '黄山毛峰', '太平猴魁', '礼盒'], '年产 60 吨', 5, 200),
    ('food', 1, 'C137', 'SUPPLY', '坚果炒货批发', '山核桃、香榧、瓜子等炒货，自有烘焙线，支持商超与电商渠道贴牌。', array['坚果', '炒货', '山核桃', '贴牌'], '年产 3000 吨', 10, 300),
    ('food', 2, 'C149', 'DEMAND', '采购休闲食品包装材料', '复合包装袋、彩印纸盒，需食品级 QS 资质，按月下单。', array['包装', '食品包装', '彩印', '纸盒'], '每月 50 万个', 5, 60),
    ('food', 3, 'C151', 'SUPPLY', '白酒定制（企业用酒）', '浓香型白酒企业定制，瓶型与酒标可定制，提供小批量样酒。', array['白酒', '定制酒', '浓香型', '礼品'], '年产 500 吨', 20, 500),
    ('food', 4, 'C153', 'DEMAND', '采购企业年节茶礼', '工会与客户年节礼品，黄山毛峰或祁门红茶礼盒，单价 200–500 元，需开具专票。', array['茶礼', '礼盒', '茶叶', '祁门红茶'], '3000 盒', 60, 150),
    ('food', 5, 'A013', 'SUPPLY', '绿色蔬菜基地直供', '2000 亩绿色蔬菜基地，冷链配送合肥、芜湖，适合团餐与食堂集中采购。', array['蔬菜', '基地直供', '团餐', '冷链'], '日供 30 吨', 20, 300),
    ('food', 6, 'G59', 'DEMAND', '采购冷链仓储与配送服务', '生鲜产品冷链仓储（-18℃）与城配服务，覆盖皖中地区门店 60 家。', array['冷链', '仓储', '配送', '生鲜'], '仓容 500 吨', 30, 200),
    ('food', 7, 'C149', 'SUPPLY', '预制菜代工', '徽菜预制菜 OEM，中央厨房与速冻线，SC 认证，可按客户配方研发。', array['预制菜', '代工', 'OEM', '徽菜'], '年产 5000 吨', 50, 800),
    ('general', 0, 'C344', 'SUPPLY', '工业阀门与离心泵', '闸阀、球阀、蝶阀及离心泵，口径 DN15–DN1200，适用于化工、水务与暖通。', array['阀门', '离心泵', '流体设备', '水务'], '3 万台/年', 10, 500),
    ('general', 1, 'C33', 'SUPPLY', '钣金加工与激光切割', '光纤激光切割、数控折弯、焊接与喷涂一站式钣金加工，承接机柜、机箱。', array['钣金', '激光切割', '折弯', '机柜'], '月加工 500 吨', 5, 200),
    ('general', 2, 'C292', 'DEMAND', '采购塑料托盘与周转箱', '仓储物流用塑料托盘（1200×1000）与周转箱，耐低温，年度集中采购。', array['塑料托盘', '周转箱', '仓储', '物流'], '1 万只', 20, 120),
    ('general', 3, 'C35', 'SUPPLY', '自动化产线集成', '机器人焊接、装配与检测产线集成，提供方案设计、安装调试与售后。', array['自动化', '产线', '机器人', '系统集成'], '年交付 40 条线', 200, 3000),
    ('general', 4, 'I65', 'DEMAND', '数字化改造：MES 系统', '离散制造车间 MES 与设备联网改造，需有同行业实施案例，可申报智能制造补贴。', array['MES', '数字化', '工业互联网', '智能制造'], '1 套', 50, 300),
    ('general', 5, 'C325', 'SUPPLY', '工业铝型材挤压', '6063/6061 铝型材挤压、阳极氧化与深加工，配套光伏边框、门窗与设备框架。', array['铝型材', '挤压', '阳极氧化', '光伏边框'], '2 万吨/年', 50, 1000),
    ('general', 6, 'C31', 'DEMAND', '采购冷轧钢板与镀锌板', '厚度 0.5–3.0 mm 冷轧板与镀锌板，用于机柜与家电外壳，按月定量采购。', array['冷轧板', '镀锌板', '钢材', '板材'], '每月 300 吨', 100, 600),
    ('general', 7, 'C40', 'SUPPLY', '检测仪器与计量校准', '三坐标测量、硬度计与光谱仪销售，提供 CNAS 计量校准服务。', array['检测仪器', '计量', '校准', '三坐标'], '—', 5, 150);

-- the enterprises taking part in the Anhui fair (but the two demo accounts' own), their trade and a contact to sign as
create temporary table demo_listing_enterprise on commit drop as
select e.id as enterprise_id, e.region, row_number() over (order by e.id) as rank,
       case when e.industry ~ '汽车|零部件|车|铸|压铸' then 'auto'
            when e.industry ~ '电子|电器|电池|半导体|照明|PCB|通信' then 'electronics'
            when e.industry ~ '食品|茶|农|酒|饮料|粮|果|菜' then 'food'
            else 'general' end as trade,
       (select min(u.id) from app_user u where u.enterprise_id = e.id) as user_id
  from fair f join fair_participant p on p.fair_id = f.id join enterprise e on e.id = p.enterprise_id
 where f.title = '2026安徽省中小企业采购对接暨商机发布会'
   and e.id not in (select enterprise_id from app_user where username in ('merchant', 'viewer') and enterprise_id is not null);

insert into fair_listing (enterprise_id, created_by, side, title, description, category, keywords, region, quantity,
                          amount_min_fen, amount_max_fen, valid_until, status, created_at, updated_at)
select d.enterprise_id, d.user_id, t.side,
       t.title || (array['', '·可来图定制', '·源头工厂', '·长期合作', '·现货供应',
                         '', '·长期采购', '·年度框架', '·急需', '·寻合格供应商'])[(case when t.side = 'SUPPLY' then 1 else 6 end)
                                                                          + ((d.rank + k) % 5)::int],
       t.description, t.category, t.keywords, d.region, t.quantity,
       t.min_wan * 1000000::bigint * (1 + (d.rank * 7 + k) % 4),
       t.max_wan * 1000000::bigint * (1 + (d.rank * 7 + k) % 4),
       now() + make_interval(days => 30 + ((d.rank * 37 + k * 13) % 300)::int),
       case when (d.rank + k) % 53 = 0 then 'WITHDRAWN' else 'ACTIVE' end,
       now() - make_interval(days => ((d.rank + k * 11) % 80)::int),
       now() - make_interval(days => ((d.rank + k * 11) % 80)::int)
  from demo_listing_enterprise d
  cross join generate_series(0, 4) as k
  join demo_listing_template t on t.trade = d.trade and t.n = ((d.rank + k * 3) % 8)::int
 where d.user_id is not null;

-- the demo merchant's enterprise: tea and food
insert into fair_listing (enterprise_id, created_by, side, title, description, category, keywords, region, quantity,
                          amount_min_fen, amount_max_fen, valid_until)
select u.enterprise_id, u.id, v.side, v.title, v.description, v.category, v.keywords, e.region, v.quantity,
       v.min_fen, v.max_fen, now() + interval '180 days'
  from app_user u join enterprise e on e.id = u.enterprise_id
  cross join (values
      ('SUPPLY', '秦岭雾毫、汉中仙毫绿茶批发', '高山生态茶园，明前与雨前绿茶，SC 认证，可为企业定制年节茶礼与会议用茶。', 'C153', array['茶叶', '绿茶', '汉中仙毫', '茶礼'], '年供 20 吨', 5000000::bigint, 200000000::bigint),
      ('SUPPLY', '企业年节茶礼盒定制', '茶礼盒 200–800 元多档，可印企业标识，含专票，30 天交付。', 'C153', array['茶礼', '礼盒', '茶叶', '定制'], '1 万盒/年', 20000000::bigint, 400000000::bigint),
      ('SUPPLY', '富硒茶与茶食品', '紫阳富硒茶、茶多酚含片与茶点心，适合商超与电商渠道。', 'C149', array['富硒茶', '茶食品', '茶点心', '电商'], '年供 50 吨', 10000000::bigint, 150000000::bigint)
  ) as v(side, title, description, category, keywords, quantity, min_fen, max_fen)
 where u.username = 'merchant' and u.enterprise_id is not null;

-- the demo viewer's enterprise (合肥瑞丰汽车零部件有限公司): aluminium die castings and related parts
insert into fair_listing (enterprise_id, created_by, side, title, description, category, keywords, region, quantity,
                          amount_min_fen, amount_max_fen, valid_until)
select u.enterprise_id, u.id, v.side, v.title, v.description, v.category, v.keywords, e.region, v.quantity,
       v.min_fen, v.max_fen, now() + interval '120 days'
  from app_user u join enterprise e on e.id = u.enterprise_id
  cross join (values
      ('DEMAND', '采购新能源汽车铝合金压铸壳体', '电驱系统配套电机壳体、控制器壳体铝合金压铸件，A380 材质，需气密检测与 CNC 精加工，年需 12 万件，合肥周边优先。', 'C367', array['铝合金压铸', '压铸件', '电机壳体', '新能源汽车'], '12 万件/年', 100000000::bigint, 600000000::bigint),
      ('DEMAND', '采购铝合金压铸支架类零件', '底盘与车身支架类铝合金压铸件，单重 0.3–3 kg，需 IATF 16949 认证。', 'C367', array['铝合金压铸', '支架', '压铸件', 'IATF 16949'], '20 万件/年', 50000000::bigint, 300000000::bigint),
      ('SUPPLY', '汽车零部件机加工产能', '卧加与立加 40 台，可承接壳体、法兰类零件精加工。', 'C367', array['机加工', 'CNC', '壳体', '汽车零部件'], '月加工 3 万件', 10000000::bigint, 100000000::bigint)
  ) as v(side, title, description, category, keywords, quantity, min_fen, max_fen)
 where u.username = 'viewer' and u.enterprise_id is not null;
