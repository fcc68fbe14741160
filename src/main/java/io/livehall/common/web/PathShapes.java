package io.livehall.common.web;

import java.util.Arrays;
import java.util.Set;

import org.springframework.web.util.pattern.PathPattern;

/**
 * The literal segments of a mapping's path patterns, to rule a request path out before Spring's full condition check
 * ({@link ShapeFilteredRequestMapping}). A shape says "no" only when every pattern of the mapping certainly cannot
 * match: a literal segment differs at the same position, or the path has a different number of segments and the
 * pattern has no wildcard that could absorb them. Anything it cannot judge exactly (a segment mixing text and a
 * variable, {@code *}, {@code ?}, {@code **}, {@code {*rest}}, a pattern with characters that would be percent-encoded)
 * is treated as "maybe", which leaves the decision to Spring.
 */
final class PathShapes {

    /** A mapping without a judgeable pattern: every path may match. */
    static final Shape ANY = new Shape(null, true);

    private PathShapes() {
    }

    /** One mapping's shapes: it may match if any of its patterns may. */
    static Shape[] of(Set<PathPattern> patterns) {
        if (patterns.isEmpty()) {
            return new Shape[] {ANY};
        }
        return patterns.stream().map(p -> of(p.getPatternString())).toArray(Shape[]::new);
    }

    static Shape of(String pattern) {
        if (!pattern.startsWith("/") || pattern.indexOf(':') >= 0) {
            return ANY;
        }
        String[] parts = split(pattern);
        String[] literals = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.indexOf('*') >= 0) {
                // *, ** and {*rest} may stand for any number of segments from here on: judge the ones before only
                return new Shape(Arrays.copyOf(literals, i), true);
            }
            boolean literal = part.indexOf('{') < 0 && part.indexOf('?') < 0;
            if (literal && !plain(part)) {
                return ANY;
            }
            literals[i] = literal ? part : null;
        }
        return new Shape(literals, false);
    }

    /** The path's segments ({@code "/api/fairs/1"} → api, fairs, 1); null when the path needs decoding to compare. */
    static String[] segmentsOf(String path) {
        if (!path.startsWith("/") || path.indexOf('%') >= 0 || path.indexOf(';') >= 0) {
            return null;
        }
        return split(path);
    }

    private static String[] split(String path) {
        return path.length() == 1 ? new String[0] : path.substring(1).split("/", -1);
    }

    /** Characters that stand for themselves in a request path, so a literal comparison is exact. */
    private static boolean plain(String part) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code literals[i]}: the text segment i must be, or null for a variable; {@code open}: a wildcard follows the
     * literals, so the path may have any number of segments, else it has exactly {@code literals.length}.
     */
    record Shape(String[] literals, boolean open) {

        boolean mayMatch(String[] segments) {
            if (literals == null) {
                return true;
            }
            if (!open && segments.length != literals.length) {
                return false;
            }
            for (int i = 0; i < literals.length && i < segments.length; i++) {
                String literal = literals[i];
                if (literal != null && !literal.equals(segments[i])) {
                    return false;
                }
            }
            return true;
        }
    }
}
