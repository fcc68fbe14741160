-- Issue 11 A2: every money (fen) and quantity column is bounded, the same bounds as the API's (MoneyBounds):
-- unit prices 1..1,000,000,000 fen (¥10,000,000), the total of one order or quote answer at most
-- 10,000,000,000 fen (¥100,000,000), quantities of a deal, quote or order 1..1,000,000, a per-buyer limit
-- 1..1000. Products are multiplied as numeric, so an out-of-range row is refused by its CHECK, never by a
-- bigint overflow.
-- Issue 11 A1: a flash deal can be closed early (its merchant was suspended): closed_at says when, and ends_at
-- is moved to that moment, so the usual settlement returns its unsold quantity at once.

alter table product
    drop constraint product_price_fen_check,
    add constraint product_price_fen_check check (price_fen between 1 and 1000000000),
    drop constraint product_stock_check,
    -- the API takes at most 10,000,000; returns of cancelled orders and unsold deal units may add to that
    add constraint product_stock_check check (stock between 0 and 1000000000);

alter table flash_deal
    add column closed_at timestamptz,
    drop constraint flash_deal_list_price_fen_check,
    add constraint flash_deal_list_price_fen_check check (list_price_fen between 1 and 1000000000),
    drop constraint flash_deal_price_fen_check,
    add constraint flash_deal_price_fen_check check (price_fen between 1 and 1000000000 and price_fen <= list_price_fen),
    drop constraint flash_deal_quantity_check,
    add constraint flash_deal_quantity_check check (quantity between 1 and 1000000),
    drop constraint flash_deal_per_buyer_limit_check,
    add constraint flash_deal_per_buyer_limit_check
        check (per_buyer_limit between 1 and 1000 and price_fen::numeric * per_buyer_limit <= 10000000000),
    drop constraint flash_deal_unsold_returned_check,
    add constraint flash_deal_unsold_returned_check check (unsold_returned between 0 and quantity),
    -- was: ends_at - starts_at between 10 and 300 seconds; a deal closed early may end sooner (or before it started)
    drop constraint flash_deal_check,
    add constraint flash_deal_duration_check
        check (ends_at - starts_at <= interval '300 seconds'
               and (closed_at is not null or ends_at - starts_at >= interval '10 seconds')),
    add constraint flash_deal_closed_check check (closed_at is null or ends_at <= closed_at);

alter table flash_deal_stock
    drop constraint flash_deal_stock_remaining_check,
    add constraint flash_deal_stock_remaining_check check (remaining between 0 and 1000000);

alter table flash_deal_buyer
    drop constraint flash_deal_buyer_bought_check,
    add constraint flash_deal_buyer_bought_check check (bought between 0 and 1000);

alter table quote_request
    drop constraint quote_request_quantity_check,
    add constraint quote_request_quantity_check check (quantity between 1 and 1000000),
    drop constraint quote_request_unit_price_fen_check,
    add constraint quote_request_unit_price_fen_check
        check (unit_price_fen between 1 and 1000000000 and unit_price_fen::numeric * quantity <= 10000000000);

alter table customer_order
    drop constraint customer_order_quantity_check,
    add constraint customer_order_quantity_check check (quantity between 1 and 1000000),
    drop constraint customer_order_unit_price_fen_check,
    add constraint customer_order_unit_price_fen_check check (unit_price_fen between 1 and 1000000000),
    -- was: total_fen = unit_price_fen * quantity (a bigint product, which overflows instead of failing the check)
    drop constraint customer_order_check,
    add constraint customer_order_total_fen_check
        check (total_fen between 1 and 10000000000 and total_fen::numeric = unit_price_fen::numeric * quantity);
