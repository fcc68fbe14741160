package io.livehall.identity;

import java.time.Duration;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.ratelimit.FixedWindowCounter;
import io.livehall.common.redis.RedisKeys;
import io.livehall.common.web.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/auth/guest}: a signed guest id for a browser without an account ({@link GuestIds}). Issued at most
 * {@link #PER_ADDRESS} times an hour per client address, so fresh ids (and with them fresh like and chat budgets)
 * cannot be had for the asking.
 */
@RestController
@RequestMapping("/api/auth")
@Tag(name = "身份 Identity")
class GuestIdController {

    static final int PER_ADDRESS = 30;
    static final Duration WINDOW = Duration.ofHours(1);

    record GuestIdView(String guestId, String pass) {
    }

    private final GuestIds guests;
    private final FixedWindowCounter counter;
    private final ClientAddress addresses;

    GuestIdController(GuestIds guests, FixedWindowCounter counter, ClientAddress addresses) {
        this.guests = guests;
        this.counter = counter;
        this.addresses = addresses;
    }

    @PostMapping("/guest")
    @Operation(summary = "访客标识：未登录的浏览器领取一次、保存，并在 STOMP CONNECT 的 x-guest 头中携带")
    Mono<GuestIdView> issue(ServerHttpRequest http) {
        return counter.hit(RedisKeys.of("ratelimit", "addr:" + ClientAddress.rateLimitKey(addresses.of(http)), "guest-ids"), WINDOW, 1)
                .flatMap(window -> {
                    if (window.hits() > PER_ADDRESS) {
                        return Mono.error(ApiProblem.tooManyRequests("too-many-guest-ids", "请求过于频繁，请稍后再试",
                                window.endsIn()));
                    }
                    GuestIds.GuestPass pass = guests.issue();
                    return Mono.just(new GuestIdView(pass.id(), pass.pass()));
                });
    }
}
