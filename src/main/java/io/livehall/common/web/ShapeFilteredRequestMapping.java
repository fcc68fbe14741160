package io.livehall.common.web;

import java.util.HashMap;
import java.util.Map;

import io.livehall.common.web.PathShapes.Shape;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;

/**
 * The annotated controllers' handler mapping, with one shortcut. Spring finds a literal path
 * ({@code /api/bench/ping}) by a direct lookup, but for a path with a variable ({@code /api/fairs/1/matches}) it
 * evaluates every mapping's conditions in turn — 276 here, each asking the exchange for its request, which Spring
 * Security's firewall wraps anew per call — which made that lookup 10–13 % of the matches page's CPU
 * (docs/benchmarks.md "Fair matching"). This mapping splits the path into segments once and skips, before Spring's
 * check, every mapping whose literal segments ({@link PathShapes}) cannot fit it; what is left is decided by Spring
 * exactly as before, so the chosen handler, 404/405/406 answers and path variables are unchanged
 * ({@code ShapeFilteredRequestMappingTest} compares both on every mapping of the application).
 */
final class ShapeFilteredRequestMapping extends RequestMappingHandlerMapping {

    private volatile Map<RequestMappingInfo, Shape[]> shapes = Map.of();

    @Override
    protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        super.handlerMethodsInitialized(handlerMethods);
        Map<RequestMappingInfo, Shape[]> byMapping = new HashMap<>();
        handlerMethods.keySet().forEach(info ->
                byMapping.put(info, PathShapes.of(info.getPatternsCondition().getPatterns())));
        shapes = byMapping;
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(ServerWebExchange exchange) throws Exception {
        String[] segments = PathShapes.segmentsOf(exchange.getRequest().getPath().pathWithinApplication().value());
        return super.lookupHandlerMethod(segments == null ? exchange : new Segmented(exchange, segments));
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, ServerWebExchange exchange) {
        if (exchange instanceof Segmented segmented) {
            Shape[] candidates = shapes.get(info);   // null: registered after start-up, not judged
            if (candidates != null && !mayMatch(candidates, segmented.segments)) {
                return null;
            }
        }
        return super.getMatchingMapping(info, exchange);
    }

    private static boolean mayMatch(Shape[] candidates, String[] segments) {
        for (Shape shape : candidates) {
            if (shape.mayMatch(segments)) {
                return true;
            }
        }
        return false;
    }

    /** The exchange, carrying its path's segments through Spring's lookup. */
    private static final class Segmented extends ServerWebExchangeDecorator {

        final String[] segments;

        Segmented(ServerWebExchange delegate, String[] segments) {
            super(delegate);
            this.segments = segments;
        }
    }
}
