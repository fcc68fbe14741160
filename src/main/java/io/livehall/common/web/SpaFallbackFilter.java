package io.livehall.common.web;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Deep links of the single-page app ({@code /live/1}, {@code /me}) load {@code index.html}; the browser
 * router takes it from there. API, actuator, docs, WebSocket and file paths are left alone, so an
 * unknown {@code /api/...} route still answers a 404 problem.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SpaFallbackFilter implements WebFilter {

    private static final List<String> SERVER_PREFIXES =
            List.of("/api/", "/actuator", "/v3/", "/swagger-ui", "/webjars/", "/ws");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (isAppRoute(exchange)) {
            return chain.filter(exchange.mutate().request(r -> r.path("/index.html")).build());
        }
        return chain.filter(exchange);
    }

    static boolean isAppRoute(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return false;
        }
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.contains("//")) {
            return false; // no route of the app has an empty segment ("//api/products" is not an app page either)
        }
        if (path.equals("/api") || SERVER_PREFIXES.stream().anyMatch(path::startsWith)) {
            return false;
        }
        String lastSegment = path.substring(path.lastIndexOf('/') + 1);
        return !lastSegment.contains(".");
    }
}
