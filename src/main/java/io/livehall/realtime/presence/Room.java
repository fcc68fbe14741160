package io.livehall.realtime.presence;

import io.livehall.common.redis.RedisKeys;

/** A place people watch together: {@code live:12}, {@code training:3}, {@code fair:7} (types: {@link RoomTypes}). */
record Room(String type, String id) {

    static Room parse(String key) {
        int colon = key.indexOf(':');
        return new Room(key.substring(0, colon), key.substring(colon + 1));
    }

    String key() {
        return type + ":" + id;
    }

    String viewersTopic() {
        return RoomTypes.viewersTopic(type).with(id);
    }

    /** One of this room's Redis keys; all of them share the room's hash tag. */
    String redisKey(String part) {
        return RedisKeys.of("presence", key(), part);
    }
}
