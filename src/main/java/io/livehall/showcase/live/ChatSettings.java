package io.livehall.showcase.live;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code livehall.chat.*}: the live room's chat and like limits.
 *
 * @param maxPerWindow   chat lines per user per window
 * @param likesPerWindow likes per viewer per window (a SEND carries 1–20)
 * @param window         the rate-limit window
 * @param bannedWords    words masked with asterisks (case-insensitive)
 */
@ConfigurationProperties("livehall.chat")
record ChatSettings(@DefaultValue("5") int maxPerWindow,
                    @DefaultValue("100") int likesPerWindow,
                    @DefaultValue("10s") Duration window,
                    @DefaultValue({"傻逼", "操你", "fuck", "shit", "赌博", "代开发票"}) List<String> bannedWords) {
}
