package io.livehall.common.text;

import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import org.springframework.http.HttpStatus;

/**
 * What text the platform accepts (see {@link PlainText}). PostgreSQL cannot store NUL (a 500 before these rules),
 * control characters break CSV exports, logs and the UI, bidi overrides make text display other than it reads
 * ("Trojan source"), and a lone surrogate cannot be encoded as UTF-8 at all (it would be stored as "?").
 */
public final class TextRules {

    public static final String CONTROL = "不能包含控制字符";
    public static final String LINE_BREAK = "不能包含换行符或制表符";
    public static final String BIDI = "不能包含文字方向控制字符";
    public static final String SURROGATE = "包含无效的字符";

    private TextRules() {
    }

    /** Why {@code text} is refused (a Chinese message), or null when it is fine; null text is fine. */
    public static String problem(String text, boolean multiline) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return SURROGATE;
            }
            if (Character.isLowSurrogate(c)) {
                return SURROGATE;
            }
            if (c == '\t' || c == '\n' || c == '\r') {
                if (multiline) {
                    continue;
                }
                return LINE_BREAK;
            }
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                return CONTROL;
            }
            if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                return BIDI;
            }
        }
        return null;
    }

    /**
     * The guard for single-line text outside Bean Validation (query parameters): returns {@code text}, or throws a
     * 400 {@code validation} problem naming {@code field}.
     */
    public static String requireLine(String field, String text) {
        String problem = problem(text, false);
        if (problem != null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "请求参数有误", List.of(new FieldProblem(field, problem)));
        }
        return text;
    }
}
