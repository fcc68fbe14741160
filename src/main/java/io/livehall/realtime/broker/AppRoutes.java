package io.livehall.realtime.broker;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Handlers of client SENDs, registered by domains without annotations:
 * {@code routes.register("/app/live/{liveId}/chat", chat::handle)}. Domains never see STOMP frames.
 */
@Component
public class AppRoutes {

    private record Route(PathPattern pattern, Function<AppMessage, Mono<Void>> handler) {
    }

    /** A SEND matched to its handler. */
    public record Match(Function<AppMessage, Mono<Void>> handler, java.util.Map<String, String> variables) {
    }

    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final PathPatternParser parser = new PathPatternParser();

    public void register(String pattern, Function<AppMessage, Mono<Void>> handler) {
        if (!pattern.startsWith("/app/")) {
            throw new IllegalArgumentException("App routes start with /app/: " + pattern);
        }
        routes.add(new Route(parser.parse(pattern), handler));
    }

    public void register(DestinationPattern pattern, Function<AppMessage, Mono<Void>> handler) {
        register(pattern.pattern(), handler);
    }

    public Optional<Match> match(String destination) {
        if (destination == null || destination.length() > 200) {
            return Optional.empty();
        }
        PathContainer path = PathContainer.parsePath(destination);
        for (Route route : routes) {
            PathPattern.PathMatchInfo info = route.pattern().matchAndExtract(path);
            if (info != null) {
                return Optional.of(new Match(route.handler(), info.getUriVariables()));
            }
        }
        return Optional.empty();
    }
}
