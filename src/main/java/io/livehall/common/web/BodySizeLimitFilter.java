package io.livehall.common.web;

import java.util.concurrent.atomic.AtomicLong;

import io.livehall.common.error.PayloadTooLargeException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Caps every HTTP request body: a declared {@code Content-Length} over the limit is refused before
 * anything is read; a chunked body is cut off as soon as it passes the limit. Both answer 413. File uploads
 * ({@code /api/files}) have a larger limit of their own; each purpose then checks its own size.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter implements WebFilter {

    private static final String UPLOADS = "/api/files";

    private final long bodyLimit;
    private final long uploadLimit;

    BodySizeLimitFilter(HttpSettings settings) {
        this.bodyLimit = settings.maxBodySize().toBytes();
        this.uploadLimit = settings.maxUploadSize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long limit = UPLOADS.equals(exchange.getRequest().getPath().pathWithinApplication().value()) ? uploadLimit : bodyLimit;
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            return Mono.error(new PayloadTooLargeException(limit));
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequestDecorator counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(new PayloadTooLargeException(limit));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }
}
