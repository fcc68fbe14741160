package io.livehall.common.text;

import java.util.List;
import java.util.Locale;

import io.livehall.common.chat.ChatSettings;
import org.springframework.stereotype.Component;

/**
 * A simple banned-words filter ({@code livehall.chat.banned-words}): each listed word (case-insensitive) is replaced by
 * asterisks. Shared by every room's chat.
 */
@Component
public class BannedWords {

    private final List<String> words;

    public BannedWords(ChatSettings settings) {
        this.words = settings.bannedWords().stream().map(String::strip).filter(w -> !w.isEmpty()).toList();
    }

    public String mask(String text) {
        String result = text;
        for (String word : words) {
            String lower = result.toLowerCase(Locale.ROOT);
            String needle = word.toLowerCase(Locale.ROOT);
            int at = lower.indexOf(needle);
            while (at >= 0) {
                result = result.substring(0, at) + "*".repeat(word.length()) + result.substring(at + word.length());
                lower = result.toLowerCase(Locale.ROOT);
                at = lower.indexOf(needle, at + word.length());
            }
        }
        return result;
    }
}
