package io.livehall.realtime.stomp;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.livehall.identity.GuestIds;
import io.livehall.realtime.broker.RealtimeUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Turns the CONNECT frame's bearer token (or passcode) into a user with the token's details (to end the connection
 * when the token expires or is revoked). Without a token the user is a guest: identified by the signed guest id in
 * the {@code x-guest} header ({@link GuestIds}), or anonymous for this connection when there is none (or it is not
 * one this application signed).
 */
@Component
class ConnectionAuthenticator {

    static final String GUEST_HEADER = "x-guest";

    /** The user, and the access token's details when there is one. */
    record Authenticated(RealtimeUser user, Jwt token) {
    }

    private final ReactiveJwtDecoder decoder;
    private final GuestIds guests;
    private final SecureRandom random = new SecureRandom();

    ConnectionAuthenticator(ReactiveJwtDecoder decoder, GuestIds guests) {
        this.decoder = decoder;
        this.guests = guests;
    }

    Mono<Authenticated> authenticate(String authorization, String passcode, String guestPass) {
        String token = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = authorization.substring(7).trim();
        } else if (passcode != null && !passcode.isBlank()) {
            token = passcode.trim();
        }
        if (token == null || token.isEmpty()) {
            return Mono.fromSupplier(() -> new Authenticated(guest(guestPass), null));
        }
        return decoder.decode(token).map(jwt -> new Authenticated(user(jwt), jwt));
    }

    /** Whether a token is still good now: not expired, not revoked (an error when that cannot be told). */
    Mono<Boolean> stillValid(String token) {
        return decoder.decode(token).map(jwt -> true)
                .onErrorResume(org.springframework.security.oauth2.jwt.JwtException.class, e -> Mono.just(false));
    }

    private RealtimeUser guest(String pass) {
        return guests.verify(pass)
                .map(id -> RealtimeUser.guest(id, "访客" + tail(id), true))
                .orElseGet(() -> {
                    byte[] bytes = new byte[4];
                    random.nextBytes(bytes);
                    String id = HexFormat.of().formatHex(bytes);
                    return RealtimeUser.guest("anon-" + id, "访客" + id.substring(4).toUpperCase(Locale.ROOT), false);
                });
    }

    /** Four characters of the guest id to tell guests apart in the room (not a secret: the id is public). */
    private static String tail(String id) {
        return id.substring(id.length() - 4).toUpperCase(Locale.ROOT).replace('-', 'X').replace('_', 'Y');
    }

    private static RealtimeUser user(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        String name = jwt.getClaimAsString("name");
        return RealtimeUser.account(jwt.getSubject(), name != null ? name : jwt.getClaimAsString("preferred_username"),
                roles == null ? Set.of() : Set.copyOf(roles));
    }
}
