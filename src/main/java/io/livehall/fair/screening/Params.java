package io.livehall.fair.screening;

import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.text.TextRules;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

/** The query parameters of the screening API: text filters and enum names, 400 naming the parameter when wrong. */
final class Params {

    private Params() {
    }

    /** Null when blank, else one line of at most {@code max} characters. */
    static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = TextRules.requireLine(field, value.strip());
        if (v.codePointCount(0, v.length()) > max) {
            throw invalid(field, "筛选条件不能超过 " + max + " 个字");
        }
        return v;
    }

    /** Null when blank, else one of the enum's names. */
    static <E extends Enum<E>> E choice(String field, String value, Class<E> type, String message) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(field, message);
        }
    }

    static long userId(Jwt jwt) {
        if (jwt == null) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "请先登录");
        }
        return Long.parseLong(jwt.getSubject());
    }

    private static ApiProblem invalid(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "请求参数有误", List.of(new FieldProblem(field, message)));
    }
}
