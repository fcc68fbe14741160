package io.livehall.identity;

import java.nio.charset.StandardCharsets;

import io.livehall.common.text.TextRules;

/**
 * The password rule. bcrypt reads at most 72 bytes: Spring's encoder refuses to hash more, and compares only the
 * first 72 bytes when matching, so a longer password would be accepted by its prefix. A password is therefore at
 * least 8 characters and at most 72 UTF-8 bytes (72 ASCII characters, 24 Chinese characters, 18 emoji).
 */
final class Passwords {

    static final int MIN_CHARACTERS = 8;
    static final int MAX_BYTES = 72;

    static final String TOO_SHORT = "密码至少 " + MIN_CHARACTERS + " 位";
    static final String TOO_LONG = "密码不能超过 " + MAX_BYTES + " 字节（约 24 个汉字）";

    private Passwords() {
    }

    /** Why a new password is refused, or null; blank is left to {@code @NotBlank}. */
    static String problem(String password) {
        if (password == null || password.isEmpty()) {
            return null;
        }
        String text = TextRules.problem(password, false);
        if (text != null) {
            return "密码" + text;
        }
        if (password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            return TOO_SHORT;
        }
        return fitsBcrypt(password) ? null : TOO_LONG;
    }

    /** Whether bcrypt reads the whole password. */
    static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }
}
