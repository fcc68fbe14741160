package io.livehall.realtime.stomp;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import io.livehall.realtime.broker.RealtimeUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Turns the CONNECT frame's bearer token (or passcode) into a user; no token makes an anonymous guest. */
@Component
class ConnectionAuthenticator {

    private final ReactiveJwtDecoder decoder;
    private final SecureRandom random = new SecureRandom();

    ConnectionAuthenticator(ReactiveJwtDecoder decoder) {
        this.decoder = decoder;
    }

    Mono<RealtimeUser> authenticate(String authorization, String passcode) {
        String token = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = authorization.substring(7).trim();
        } else if (passcode != null && !passcode.isBlank()) {
            token = passcode.trim();
        }
        if (token == null || token.isEmpty()) {
            return Mono.fromSupplier(this::guest);
        }
        return decoder.decode(token).map(ConnectionAuthenticator::user);
    }

    private RealtimeUser guest() {
        byte[] bytes = new byte[4];
        random.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        return new RealtimeUser("guest-" + id, "访客" + id.substring(4).toUpperCase(), Set.of(), true);
    }

    private static RealtimeUser user(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        String name = jwt.getClaimAsString("name");
        return new RealtimeUser(jwt.getSubject(), name != null ? name : jwt.getClaimAsString("preferred_username"),
                roles == null ? Set.of() : Set.copyOf(roles), false);
    }
}
