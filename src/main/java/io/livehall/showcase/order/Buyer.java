package io.livehall.showcase.order;

import org.springframework.security.oauth2.jwt.Jwt;

/** The logged-in buyer: account id and display name (for the masked order ticker). */
record Buyer(long id, String name) {

    static Buyer of(Jwt jwt) {
        String name = jwt.getClaimAsString("name");
        return new Buyer(Long.parseLong(jwt.getSubject()), name == null || name.isBlank() ? "用户" : name);
    }
}
