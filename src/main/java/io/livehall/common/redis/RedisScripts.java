package io.livehall.common.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Lua scripts live in {@code src/main/resources/redis/<name>.lua}, one file each, so they can be read, reviewed
 * and tried with {@code redis-cli --eval} on their own. Every script touches the keys of one thing only
 * ({@link RedisKeys}). The text is read once, when the script is loaded (at startup): a script made from a resource
 * would check the file's modification time on every call, which is blocking I/O on an event-loop thread.
 * <p>
 * Functions several scripts share live in a file of their own, pulled in by a line {@code -- include: <name>} (the
 * line is replaced by the text of {@code redis/<name>.lua}); such a script runs on its own with
 * {@code redis-cli --eval} once the included file's text is pasted in its place.
 */
public final class RedisScripts {

    private static final Pattern INCLUDE = Pattern.compile("(?m)^-- include: ([a-z0-9-]+)[ \\t]*$");

    private RedisScripts() {
    }

    /** The script {@code redis/<name>.lua}, answering {@code type} (Long, String, List, Boolean). */
    public static <T> RedisScript<T> load(String name, Class<T> type) {
        return RedisScript.of(text(name, 0), type);
    }

    private static String text(String name, int depth) {
        if (depth > 3) {
            throw new IllegalStateException("Lua script redis/" + name + ".lua is included too deep");
        }
        ClassPathResource file = new ClassPathResource("redis/" + name + ".lua");
        if (!file.exists()) {
            throw new IllegalStateException("Missing Lua script redis/" + name + ".lua");
        }
        try (var in = file.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return INCLUDE.matcher(text).replaceAll(line -> Matcher.quoteReplacement(text(line.group(1), depth + 1)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read redis/" + name + ".lua", e);
        }
    }
}
