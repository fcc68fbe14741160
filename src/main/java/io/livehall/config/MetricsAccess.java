package io.livehall.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import reactor.core.publisher.Mono;

/**
 * {@code /actuator/prometheus} is for the metrics scraper only: it shows every route, versions and per-route counts.
 * The request must carry {@code Authorization: Bearer <livehall.metrics.token>} (compared in constant time); without a
 * configured token nobody gets in. The bearer token is not a JWT, so the resource server does not look at it on this
 * path ({@link #PATH}).
 */
final class MetricsAccess implements ReactiveAuthorizationManager<AuthorizationContext> {

    static final ServerWebExchangeMatcher PATH = new PathPatternParserServerWebExchangeMatcher("/actuator/prometheus");

    private final byte[] expected;

    MetricsAccess(MetricsSettings settings) {
        String token = settings.token();
        this.expected = token == null || token.isBlank() ? null : ("Bearer " + token.strip()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        return Mono.just(new AuthorizationDecision(allowed(context.getExchange().getRequest())));
    }

    boolean allowed(ServerHttpRequest request) {
        String presented = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return expected != null && presented != null
                && MessageDigest.isEqual(expected, presented.strip().getBytes(StandardCharsets.UTF_8));
    }
}
