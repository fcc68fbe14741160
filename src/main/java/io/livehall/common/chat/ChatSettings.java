package io.livehall.common.chat;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code livehall.chat.*}: chat and like limits of every room with a chat (showcase live rooms, training rooms).
 *
 * @param maxPerWindow   chat lines per user per window
 * @param likesPerWindow likes per viewer per window (a SEND carries 1–20)
 * @param window         the rate-limit window
 * @param bannedWords    words masked with asterisks (case-insensitive)
 */
@ConfigurationProperties("livehall.chat")
public record ChatSettings(@DefaultValue("5") int maxPerWindow,
                    @DefaultValue("100") int likesPerWindow,
                    @DefaultValue("10s") Duration window,
                    @DefaultValue({"傻逼", "操你", "fuck", "shit", "赌博", "代开发票"}) List<String> bannedWords) {
}
