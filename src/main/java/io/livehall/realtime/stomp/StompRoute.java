package io.livehall.realtime.stomp;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.reactivestreams.Publisher;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.adapter.ReactorNettyWebSocketSession;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * Serves {@code /ws} straight from Reactor Netty's routes, ahead of the WebFlux filter chain: a WebSocket
 * lives for hours, and going through WebFlux kept the whole handshake exchange (request and response
 * objects, their header copies, attributes, the filter chain's subscribers) alive for as long, per connection.
 * STOMP needs none of it: the client authenticates on CONNECT. What the chain gave, done here: the Origin
 * check (no origin, or one of {@code livehall.realtime.allowed-origins}; else 403) and the
 * subprotocol choice ({@code v12.stomp, v11.stomp, v10.stomp}, echoed). The frame limit is set above the STOMP
 * limit, so an oversized STOMP frame gets a proper ERROR frame instead of a bare 1009 close.
 */
@Component
class StompRoute implements NettyRouteProvider {

    static final String PATH = "/ws";
    private static final URI URI_PATH = URI.create(PATH);

    private final StompWebSocketHandler handler;
    private final RealtimeSettings settings;
    /** one spec per subprotocol the server speaks, and one for clients that ask for none */
    private final Map<String, WebsocketServerSpec> specs = new HashMap<>();
    private final WebsocketServerSpec noSubprotocol;
    private final NettyDataBufferFactory buffers = new NettyDataBufferFactory(ByteBufAllocator.DEFAULT);

    StompRoute(StompWebSocketHandler handler, RealtimeSettings settings) {
        this.handler = handler;
        this.settings = settings;
        for (String protocol : handler.getSubProtocols()) {
            specs.put(protocol, spec(settings).protocols(protocol).build());
        }
        this.noSubprotocol = spec(settings).build();
    }

    private static WebsocketServerSpec.Builder spec(RealtimeSettings settings) {
        return WebsocketServerSpec.builder().maxFramePayloadLength(settings.maxFrameBytes() * 2).handlePing(false);
    }

    @Override
    public HttpServerRoutes apply(HttpServerRoutes routes) {
        return routes.get(PATH, this::upgrade);
    }

    private Publisher<Void> upgrade(HttpServerRequest request, HttpServerResponse response) {
        if (!"websocket".equalsIgnoreCase(request.requestHeaders().get(HttpHeaderNames.UPGRADE))) {
            return response.status(HttpResponseStatus.BAD_REQUEST).sendString(Mono.just("WebSocket upgrade expected"));
        }
        if (!originAllowed(request)) {
            return response.status(HttpResponseStatus.FORBIDDEN).send();
        }
        return response.sendWebsocket((in, out) -> handler.handle(session(in, out)), specFor(request));
    }

    /**
     * The first subprotocol the client offers that the server speaks (as Spring's handshake chooses). Reactor Netty
     * is given only that one: configured with a list, it left clients that offer none (Spring's
     * {@code WebSocketStompClient} by default) hanging after the handshake.
     */
    private WebsocketServerSpec specFor(HttpServerRequest request) {
        String offered = request.requestHeaders().get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
        if (offered != null) {
            for (String protocol : offered.split(",")) {
                WebsocketServerSpec spec = specs.get(protocol.trim());
                if (spec != null) {
                    return spec;
                }
            }
        }
        return noSubprotocol;
    }

    private ReactorNettyWebSocketSession session(WebsocketInbound in, WebsocketOutbound out) {
        HandshakeInfo info = new HandshakeInfo(URI_PATH, new HttpHeaders(), new LinkedMultiValueMap<>(0), Mono.empty(),
                out.selectedSubprotocol(), null, Map.of(), null);
        return new ReactorNettyWebSocketSession(in, out, info, buffers, settings.maxFrameBytes() * 2);
    }

    /**
     * No Origin (not a browser), or one of {@code livehall.realtime.allowed-origins}. Never because it equals the Host
     * header: a page on another site can make them equal (DNS rebinding, a proxy passing its own Host), and the
     * browser's Origin is the only thing here an attacker's page cannot choose.
     */
    private boolean originAllowed(HttpServerRequest request) {
        String origin = request.requestHeaders().get(HttpHeaderNames.ORIGIN);
        return origin == null || originAllowed(origin, settings.allowedOrigins());
    }

    /**
     * Whether {@code origin} is one of {@code allowed}: an exact origin ({@code https://hall.example.com}, compared
     * without regard to case), {@code scheme://host:*} (that host on any port, or none), or {@code *} (any origin).
     */
    static boolean originAllowed(String origin, java.util.List<String> allowed) {
        String candidate = origin.strip().toLowerCase(java.util.Locale.ROOT);
        for (String entry : allowed) {
            String pattern = entry.strip().toLowerCase(java.util.Locale.ROOT);
            if (pattern.equals("*") || pattern.equals(candidate)) {
                return true;
            }
            if (pattern.endsWith(":*")) {
                String hostPart = pattern.substring(0, pattern.length() - 2);
                if (candidate.equals(hostPart)) {
                    return true;
                }
                if (candidate.startsWith(hostPart + ":")) {
                    String port = candidate.substring(hostPart.length() + 1);
                    if (!port.isEmpty() && port.length() <= 5 && port.chars().allMatch(Character::isDigit)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
