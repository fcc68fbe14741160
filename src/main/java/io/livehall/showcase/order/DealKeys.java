package io.livehall.showcase.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.livehall.common.redis.RedisKeys;

/**
 * The Redis keys of a flash deal's gate ({@link DealGate}), all under {@code livehall:deal:{<id>}:*} so each gate
 * script touches one Redis Cluster slot, and the digest that names an Idempotency-Key in them.
 */
final class DealKeys {

    private DealKeys() {
    }

    static String stockKey(long dealId) {
        return RedisKeys.of("deal", dealId, "stock");
    }

    static String buyersKey(long dealId) {
        return RedisKeys.of("deal", dealId, "buyers");
    }

    static String reservedKey(long dealId) {
        return RedisKeys.of("deal", dealId, "reserved");
    }

    /** Set when the deal was closed early (its merchant was suspended): the gate answers CLOSED before the stock. */
    static String closedKey(long dealId) {
        return RedisKeys.of("deal", dealId, "closed");
    }

    static String markerKey(long dealId, long buyerId, String idempotencyKey) {
        return RedisKeys.of("deal", dealId, "idem:" + reservationField(buyerId, idempotencyKey));
    }

    static String attemptsKey(long dealId, long buyerId) {
        return RedisKeys.of("deal", dealId, "attempts:" + buyerId);
    }

    static String reservationField(long buyerId, String idempotencyKey) {
        return buyerId + ":" + sha256(idempotencyKey);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
