package io.livehall.common.redis;

/**
 * The one naming scheme of Redis keys. Every key starts with {@code livehall:} and names its area. A key that
 * belongs to one thing (a room, a deal, a destination, a user) carries that thing in a hash tag,
 * {@code livehall:<area>:{<id>}:<part>}, so all keys of one thing hash to one Redis Cluster slot and a Lua
 * script may touch them together. A script never touches keys of two things, and keys that belong to nothing in
 * particular ({@link #global}) are never used in a script with per-thing keys.
 * <p>
 * Examples: {@code livehall:presence:{live:12}:members}, {@code livehall:deal:{7}:stock},
 * {@code livehall:rt:{/topic/live/12/chat}:stream}, {@code livehall:presence:rooms}.
 */
public final class RedisKeys {

    public static final String PREFIX = "livehall:";

    private RedisKeys() {
    }

    /** {@code livehall:<area>:{<id>}:<part>}: one part of one thing. */
    public static String of(String area, Object id, String part) {
        return tagged(area, id) + ":" + part;
    }

    /** {@code livehall:<area>:{<id>}}: the common head of one thing's keys (append {@code ":" + part}). */
    public static String tagged(String area, Object id) {
        String text = String.valueOf(id);
        if (text.indexOf('{') >= 0 || text.indexOf('}') >= 0) {
            throw new IllegalArgumentException("A key's id may not contain braces: " + text);
        }
        return PREFIX + area + ":{" + text + "}";
    }

    /** {@code livehall:<area>:<name>}: a key of the area as a whole (an index, a counter of many things). */
    public static String global(String area, String name) {
        return PREFIX + area + ":" + name;
    }
}
