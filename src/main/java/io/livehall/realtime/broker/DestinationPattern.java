package io.livehall.realtime.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A destination's pattern and its builder in one: {@code /topic/live/{liveId}/chat} is registered as a pattern
 * ({@link DestinationCatalog}, {@link AppRoutes}) and {@code with(12)} builds {@code /topic/live/12/chat}. Each
 * domain keeps its destinations as constants of one class, mirrored by one front-end module.
 */
public record DestinationPattern(String pattern, List<String> variables) {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    public static DestinationPattern of(String pattern) {
        List<String> names = new ArrayList<>();
        Matcher m = VARIABLE.matcher(pattern);
        while (m.find()) {
            names.add(m.group(1));
        }
        return new DestinationPattern(pattern, List.copyOf(names));
    }

    /** The destination with its variables filled in order; a value may not contain {@code /}. */
    public String with(Object... values) {
        if (values.length != variables.size()) {
            throw new IllegalArgumentException(pattern + " takes " + variables.size() + " values");
        }
        StringBuilder out = new StringBuilder();
        Matcher m = VARIABLE.matcher(pattern);
        int i = 0;
        while (m.find()) {
            String value = String.valueOf(values[i++]);
            if (value.isEmpty() || value.indexOf('/') >= 0) {
                throw new IllegalArgumentException("Invalid value for {" + m.group(1) + "}: " + value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
