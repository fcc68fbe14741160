package io.livehall.common.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.resource.AbstractResourceResolver;
import org.springframework.web.reactive.resource.ResourceResolverChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Runs before Spring's {@code EncodedResourceResolver}, which takes the first coding in the order the browser lists
 * them: Chromium sends {@code gzip, deflate, br, zstd}, so without this every browser would get the gzip copy although
 * the Brotli one is about a fifth smaller. The order in {@code Accept-Encoding} is no preference (RFC 9110 §12.5.3:
 * only q-values are), so the resolvers further down the chain see {@code br} first whenever the browser accepts it;
 * codings the browser refuses ({@code q=0}) are dropped.
 */
final class BrotliFirst extends AbstractResourceResolver {

    @Override
    protected Mono<Resource> resolveResourceInternal(ServerWebExchange exchange, String requestPath,
            List<? extends Resource> locations, ResourceResolverChain chain) {
        return chain.resolveResource(withBrotliFirst(exchange), requestPath, locations);
    }

    @Override
    protected Mono<String> resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations,
            ResourceResolverChain chain) {
        return chain.resolveUrlPath(resourceUrlPath, locations);
    }

    static ServerWebExchange withBrotliFirst(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_ENCODING);
        if (!StringUtils.hasText(header)) {
            return exchange;
        }
        String reordered = brotliFirst(header);
        return reordered.equals(header) ? exchange
                : exchange.mutate().request(r -> r.headers(h -> h.set(HttpHeaders.ACCEPT_ENCODING, reordered))).build();
    }

    static String brotliFirst(String acceptEncoding) {
        List<String> codings = new ArrayList<>();
        boolean brotli = false;
        for (String token : StringUtils.tokenizeToStringArray(acceptEncoding, ",")) {
            String coding = coding(token);
            if (refused(token)) {
                continue;
            }
            if (coding.equals("br")) {
                brotli = true;
            } else {
                codings.add(token);
            }
        }
        if (brotli) {
            codings.add(0, "br");
        }
        return String.join(", ", codings);
    }

    private static String coding(String token) {
        int semicolon = token.indexOf(';');
        return (semicolon >= 0 ? token.substring(0, semicolon) : token).trim().toLowerCase(Locale.ROOT);
    }

    /** {@code q=0} (or {@code q=0.0…}) means "not acceptable". */
    private static boolean refused(String token) {
        int semicolon = token.indexOf(';');
        if (semicolon < 0) {
            return false;
        }
        String parameter = token.substring(semicolon + 1).trim().toLowerCase(Locale.ROOT).replace(" ", "");
        return parameter.matches("q=0(\\.0{0,3})?");
    }
}
