-- Flash-deal orders in batches: when many buyers of one deal have passed the Redis gate at the same moment, one
-- statement (one transaction, one commit) places all of them. Same rules as place_flash_deal_order (V5), per item:
-- the buyer's holding within the limit, the units from a shard (conditional update: remaining never below 0), the
-- order row unless this buyer already used the Idempotency-Key.
--
-- Lock order, so that batches never deadlock with each other or with single orders: the buyers' holdings first, in
-- buyer order; then shards, each taken only if no other transaction holds it (skip locked, no wait) and used until
-- it cannot serve the next order. An item that cannot be placed here (limit reached in PostgreSQL, key already
-- used, no free shard with its units) is simply not returned and holds nothing: the caller places it alone with
-- place_flash_deal_order, which says why or waits for a busy shard.
-- the conditional update of a shard this transaction holds locked (and knows to hold the units)
create function take_from_flash_deal_shard(p_deal bigint, p_shard smallint, p_n int) returns void
    language plpgsql as $$
begin
    if p_n > 0 then
        update flash_deal_stock set remaining = remaining - p_n
        where deal_id = p_deal and shard = p_shard and remaining >= p_n;
        if not found then
            raise exception 'flash deal % shard % does not hold % units', p_deal, p_shard, p_n;
        end if;
    end if;
end $$;

create function place_flash_deal_orders(p_deal bigint, p_limit int, p_first int, p_shards int, p_merchant bigint,
                                        p_product bigint, p_product_name text, p_session bigint, p_price bigint,
                                        p_pay_by timestamptz, p_buyers bigint[], p_ns int[], p_keys text[],
                                        p_hashes text[], p_names text[], p_phones text[], p_addresses text[])
    returns setof customer_order
    language plpgsql as $$
declare
    v_held  boolean[] := array_fill(false, array[cardinality(p_buyers)]);
    v_shard smallint;
    v_left  int := 0;  -- what the locked shard still holds after this batch's orders so far
    v_taken int := 0;  -- what this batch's orders took from it
    v_order customer_order;
    i       int;
begin
    for i in select ord from unnest(p_buyers) with ordinality as b(buyer, ord) order by buyer, ord loop
        insert into flash_deal_buyer (deal_id, buyer_id, bought) values (p_deal, p_buyers[i], p_ns[i])
        on conflict (deal_id, buyer_id) do update set bought = flash_deal_buyer.bought + excluded.bought
        where flash_deal_buyer.bought + excluded.bought <= p_limit;
        v_held[i] := found;
    end loop;
    for i in 1 .. cardinality(p_buyers) loop
        continue when not v_held[i];
        if v_shard is null or v_left < p_ns[i] then
            perform take_from_flash_deal_shard(p_deal, v_shard, v_taken);
            v_taken := 0;
            select shard, remaining into v_shard, v_left from flash_deal_stock
            where deal_id = p_deal and remaining >= p_ns[i]
            order by (shard + (p_shards - p_first) % p_shards) % p_shards limit 1 for update skip locked;
            if v_shard is null then
                update flash_deal_buyer set bought = bought - p_ns[i] where deal_id = p_deal and buyer_id = p_buyers[i];
                continue;
            end if;
        end if;
        insert into customer_order (buyer_id, merchant_id, product_id, product_name, deal_id, deal_shard, session_id,
                                    quantity, unit_price_fen, total_fen, idempotency_key, request_hash, recipient_name,
                                    recipient_phone, address, payment_method, pay_by)
        values (p_buyers[i], p_merchant, p_product, p_product_name, p_deal, v_shard, p_session, p_ns[i], p_price,
                p_price * p_ns[i], p_keys[i], p_hashes[i], p_names[i], p_phones[i], p_addresses[i], 'OFFLINE', p_pay_by)
        on conflict (buyer_id, idempotency_key) do nothing
        returning * into v_order;
        if found then
            v_left := v_left - p_ns[i];
            v_taken := v_taken + p_ns[i];
            return next v_order;
        else
            update flash_deal_buyer set bought = bought - p_ns[i] where deal_id = p_deal and buyer_id = p_buyers[i];
        end if;
    end loop;
    perform take_from_flash_deal_shard(p_deal, v_shard, v_taken);
end $$;
