package io.livehall.common.bench;

import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The trivial endpoint HTTP benchmarks compare against (infra/bench/catalogue): a constant small JSON through
 * the same filters (security included) as every API call. Exists only with {@code livehall.bench.enabled=true}.
 */
@RestController
@Hidden
@ConditionalOnProperty(name = "livehall.bench.enabled", havingValue = "true")
class BenchPingController {

    private static final byte[] PONG = "{\"pong\":true}".getBytes(StandardCharsets.US_ASCII);

    @GetMapping("/api/bench/ping")
    Mono<ResponseEntity<byte[]>> ping() {
        return Mono.just(ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(PONG));
    }
}
