-- The dashboard by merchant (issue 15 item 2): a showcase merchant's own rollups under the scope merchant-<merchantId>
-- (its orders, GMV, deals sold out and its live rooms' viewers; a part of showcase, not counted again in platform).
alter table dashboard_minute drop constraint dashboard_minute_scope_check;
alter table dashboard_minute add constraint dashboard_minute_scope_check
    check (scope ~ '^(showcase|platform|merchant-[1-9][0-9]{0,17}|training-[1-9][0-9]{0,17}|fair-[1-9][0-9]{0,17})$');
-- a merchant's report: its buyers and best sellers over the span of its rollups
create index customer_order_merchant_created_idx on customer_order (merchant_id, created_at);
