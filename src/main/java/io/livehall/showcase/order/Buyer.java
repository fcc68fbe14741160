package io.livehall.showcase.order;

import java.util.List;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The logged-in buyer: account id, display name (for the masked order ticker) and whether the account has the
 * MERCHANT role (only such accounts act for a merchant, so only their orders are checked for buying their own
 * products).
 */
record Buyer(long id, String name, boolean merchant) {

    static Buyer of(Jwt jwt) {
        String name = jwt.getClaimAsString("name");
        List<String> roles = jwt.getClaimAsStringList("roles");
        return new Buyer(Long.parseLong(jwt.getSubject()), name == null || name.isBlank() ? "用户" : name,
                roles != null && roles.contains("MERCHANT"));
    }
}
