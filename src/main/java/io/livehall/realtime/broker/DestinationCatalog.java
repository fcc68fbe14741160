package io.livehall.realtime.broker;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The topics that exist. Domains (and presence) register patterns such as
 * {@code /topic/live/{liveId}/chat} with their kind and who may subscribe; anything unregistered is refused.
 * Per-user queues ({@code /user/queue/*}) exist for every connection and are EVENT kind without replay.
 */
@Component
public class DestinationCatalog {

    public record Rule(PathPattern pattern, DestinationKind kind, Access access) {
    }

    private static final PathPatternParser PARSER = new PathPatternParser();
    /** what a destination may be made of (no braces, spaces, escapes or other text a Redis key must not carry) */
    private static final java.util.regex.Pattern SAFE = java.util.regex.Pattern.compile("[A-Za-z0-9/_.-]+");
    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    public void register(String pattern, DestinationKind kind, Access access) {
        rules.add(new Rule(PARSER.parse(pattern), kind, access));
    }

    public void register(DestinationPattern pattern, DestinationKind kind, Access access) {
        register(pattern.pattern(), kind, access);
    }

    public Optional<Rule> find(String destination) {
        if (destination == null || destination.length() > 200 || !destination.startsWith("/topic/")
                || !SAFE.matcher(destination).matches()) {
            return Optional.empty();
        }
        PathContainer path = PathContainer.parsePath(destination);
        return rules.stream().filter(r -> r.pattern().matches(path)).findFirst();
    }

    /** The path variables of a destination under its rule ({@code liveId} → "12"). */
    public static java.util.Map<String, String> variables(Rule rule, String destination) {
        PathPattern.PathMatchInfo info = rule.pattern().matchAndExtract(PathContainer.parsePath(destination));
        return info == null ? java.util.Map.of() : info.getUriVariables();
    }

    public DestinationKind kindOf(String destination) {
        if (UserDestinations.isUserDestination(destination)) {
            return DestinationKind.EVENT;
        }
        return find(destination).map(Rule::kind).orElse(DestinationKind.EVENT);
    }
}
