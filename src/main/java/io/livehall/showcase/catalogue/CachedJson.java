package io.livehall.showcase.catalogue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A JSON answer as it is cached and served: the body bytes and their strong ETag (a hash of the bytes, so any
 * change of content, the merchant's name included, gives a new ETag). {@code hit} tells whether it came from
 * Redis. Stored in Redis as {@code etag '\n' body}.
 */
record CachedJson(String etag, byte[] body, boolean hit) {

    static CachedJson of(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new CachedJson('"' + HexFormat.of().formatHex(digest, 0, 16) + '"', body, false);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored form, or null for an empty or malformed value. */
    static CachedJson decode(byte[] stored) {
        if (stored == null) {
            return null;
        }
        for (int i = 0; i < stored.length; i++) {
            if (stored[i] == '\n') {
                return new CachedJson(new String(stored, 0, i, StandardCharsets.US_ASCII),
                        Arrays.copyOfRange(stored, i + 1, stored.length), true);
            }
        }
        return null;
    }

    byte[] encode() {
        byte[] tag = etag.getBytes(StandardCharsets.US_ASCII);
        byte[] stored = new byte[tag.length + 1 + body.length];
        System.arraycopy(tag, 0, stored, 0, tag.length);
        stored[tag.length] = '\n';
        System.arraycopy(body, 0, stored, tag.length + 1, body.length);
        return stored;
    }
}
