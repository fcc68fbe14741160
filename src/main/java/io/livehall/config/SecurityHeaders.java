package io.livehall.config;

import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Content-Security-Policy for every HTTP response (the WebSocket endpoint never passes here), chosen by path:
 * <ul>
 *   <li>the web app (and everything else): scripts, styles, fonts only from the app itself (Vite builds external
 *       files, no inline script or style element; React's {@code style} props go through the CSSOM, which CSP does not
 *       restrict); images from the app, {@code data:} and {@code blob:}; the live player (hls.js) fetches playlists and
 *       segments from merchants' stream hosts ({@code https:}) and plays them through {@code blob:} media, with a
 *       {@code blob:} worker; the STOMP WebSocket goes to the same origin ({@code 'self'}, and {@code ws:}/{@code wss:}
 *       for browsers whose {@code 'self'} does not cover WebSocket schemes);</li>
 *   <li>Swagger UI ({@code /swagger-ui/**}): its own files, {@code data:} images and fonts, inline styles (it injects
 *       style elements), calls to the app's own API.</li>
 * </ul>
 * The browser tests check both pages run without a violation ({@code frontend/e2e/securityHeaders.e2e.ts}). Both forbid
 * plugins, {@code <base>} rewriting and being framed ({@code frame-ancestors 'none'}, on top of
 * {@code X-Frame-Options: DENY}); together with {@code X-Content-Type-Options: nosniff} and
 * {@code Referrer-Policy: strict-origin-when-cross-origin} set by {@link SecurityConfig}.
 */
final class SecurityHeaders implements ServerHttpHeadersWriter {

    static final String APP_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "media-src 'self' blob: https:",
            "connect-src 'self' https: ws: wss:",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    static final String SWAGGER_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private static final String CSP = "Content-Security-Policy";

    @Override
    public Mono<Void> writeHttpHeaders(ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        if (!response.getHeaders().containsHeader(CSP)) {
            String path = exchange.getRequest().getPath().pathWithinApplication().value();
            response.getHeaders().set(CSP, isSwaggerUi(path) ? SWAGGER_POLICY : APP_POLICY);
        }
        return Mono.empty();
    }

    static boolean isSwaggerUi(String path) {
        return path.startsWith("/swagger-ui") || path.startsWith("/webjars/");
    }
}
