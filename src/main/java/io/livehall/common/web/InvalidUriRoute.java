package io.livehall.common.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * A request line whose target is no URI (a raw backslash, a space, {@code %zz}) never reaches WebFlux: its adapter
 * answers an empty 400. This Reactor Netty route answers it first, with the same problem+json as the security
 * firewall's refusals ({@code common/error/FirewallRejections}). Only targets holding a character a URI may not
 * hold, or a {@code %}, are parsed; everything else falls through at the cost of one scan.
 */
@Component
class InvalidUriRoute implements NettyRouteProvider {

    private static final byte[] PROBLEM = """
            {"type":"https://livehall.io/problems/rejected-request","title":"Bad Request","status":400,\
            "detail":"请求地址或请求头不合法"}""".getBytes(StandardCharsets.UTF_8);

    @Override
    public HttpServerRoutes apply(HttpServerRoutes routes) {
        return routes.route(request -> unparseable(request.uri()), (request, response) -> response
                .status(HttpResponseStatus.BAD_REQUEST)
                .header(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .sendByteArray(Mono.just(PROBLEM)));
    }

    static boolean unparseable(String target) {
        boolean suspicious = false;
        for (int i = 0; i < target.length() && !suspicious; i++) {
            char c = target.charAt(i);
            suspicious = c <= ' ' || c == '\\' || c == '%' || c == '"' || c == '<' || c == '>' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}' || c >= 0x7F;
        }
        if (!suspicious) {
            return false;
        }
        try {
            new URI(target);
            return false;
        } catch (URISyntaxException e) {
            return true;
        }
    }
}
