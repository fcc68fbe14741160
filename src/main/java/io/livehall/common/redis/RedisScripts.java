package io.livehall.common.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Lua scripts live in {@code src/main/resources/redis/<name>.lua}, one file each, so they can be read, reviewed
 * and tried with {@code redis-cli --eval} on their own. Every script touches the keys of one thing only
 * ({@link RedisKeys}). The text is read once, when the script is loaded (at startup): a script made from a resource
 * would check the file's modification time on every call, which is blocking I/O on an event-loop thread.
 */
public final class RedisScripts {

    private RedisScripts() {
    }

    /** The script {@code redis/<name>.lua}, answering {@code type} (Long, String, List, Boolean). */
    public static <T> RedisScript<T> load(String name, Class<T> type) {
        ClassPathResource file = new ClassPathResource("redis/" + name + ".lua");
        if (!file.exists()) {
            throw new IllegalStateException("Missing Lua script redis/" + name + ".lua");
        }
        try (var in = file.getInputStream()) {
            return RedisScript.of(new String(in.readAllBytes(), StandardCharsets.UTF_8), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read redis/" + name + ".lua", e);
        }
    }
}
