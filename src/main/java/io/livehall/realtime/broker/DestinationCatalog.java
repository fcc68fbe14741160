package io.livehall.realtime.broker;

import java.time.Duration;
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

    /**
     * {@code spacing}: the least time between two messages of the destination to one subscriber (zero: none). Coalesced
     * topics set it to their window, so a snapshot whose fan-out ran late and the next one on time still reach a
     * subscriber a whole window apart (the outbox holds the newer back; LATEST keeps only the newest).
     */
    public record Rule(PathPattern pattern, DestinationKind kind, Access access, Duration spacing) {
    }

    private static final PathPatternParser PARSER = new PathPatternParser();
    /** what a destination may be made of (no braces, spaces, escapes or other text a Redis key must not carry) */
    private static final java.util.regex.Pattern SAFE = java.util.regex.Pattern.compile("[A-Za-z0-9/_.-]+");
    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    public void register(String pattern, DestinationKind kind, Access access) {
        rules.add(new Rule(PARSER.parse(pattern), kind, access, Duration.ZERO));
    }

    /**
     * Two frames of a coalesced topic leave for one subscriber at least this far apart: two such gaps span 1.1 s, so no
     * second holds three even when the network or the client moves one frame by up to 100 ms. Shorter than the
     * publishers' 600 ms window, so a frame whose fan-out ran up to 50 ms late does not hold the next one back (measured:
     * a whole window of spacing delayed the viewer count at 5,000 viewers past 1 s; 500 ms let client jitter show three
     * in a second).
     */
    public static final Duration COALESCED_SPACING = Duration.ofMillis(550);

    /**
     * A latest-value topic published through {@link CoalescedPublisher} once per {@code window} at most: each subscriber
     * gets it at most twice a second as well, whatever the jitter of the fan-outs before it (see {@link Rule#spacing}:
     * the window, or {@link #COALESCED_SPACING} when that is shorter).
     */
    public void registerCoalesced(String pattern, Access access, Duration window) {
        Duration spacing = window.compareTo(COALESCED_SPACING) < 0 ? window : COALESCED_SPACING;
        rules.add(new Rule(PARSER.parse(pattern), DestinationKind.LATEST, access, spacing));
    }

    public void registerCoalesced(DestinationPattern pattern, Access access, Duration window) {
        registerCoalesced(pattern.pattern(), access, window);
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
