package io.livehall.common.chat;

import java.util.regex.Pattern;

import io.livehall.common.text.TextRules;

/**
 * The rules of a chat line every room keeps (STOMP bodies meet no Bean Validation): not empty, at most
 * {@link #MAX_LENGTH} characters, plain text ({@link TextRules}). Rooms turn a {@link Refusal} into their own
 * rejection; the Chinese texts are the same everywhere.
 */
public final class ChatText {

    public static final int MAX_LENGTH = 200;
    /** A chat line's id is its stream id ({@code <ms>-<seq>}). */
    public static final Pattern MESSAGE_ID = Pattern.compile("\\d{1,20}-\\d{1,20}");

    /** Why a line is refused: a short code for clients and a Chinese text for people. */
    public record Refusal(String code, String message) {
    }

    /** The chat topic's payload telling open rooms to remove the line with this id. */
    public record Hidden(String room, String hidden) {
    }

    private ChatText() {
    }

    /** The line as it will be checked and sent: without surrounding white space ("" for none). */
    public static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    /** Why the stripped line is refused, or null when it may be sent. */
    public static Refusal refusal(String stripped) {
        if (stripped.isEmpty()) {
            return new Refusal("invalid", "发言不能为空");
        }
        if (stripped.codePointCount(0, stripped.length()) > MAX_LENGTH) {
            return new Refusal("too-long", "发言不能超过 " + MAX_LENGTH + " 个字");
        }
        String refused = TextRules.problem(stripped, false);
        return refused == null ? null : new Refusal("invalid", "发言" + refused);
    }
}
