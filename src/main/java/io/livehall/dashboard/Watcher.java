package io.livehall.dashboard;

import java.util.Collection;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who looks at a dashboard: an account, and whether it is an admin, an organiser or a merchant's user (who may watch
 * its own merchant's scope only); others may watch nothing.
 */
record Watcher(long userId, boolean admin, boolean organiser, boolean merchant) {

    Watcher(long userId, boolean admin, boolean organiser) {
        this(userId, admin, organiser, false);
    }

    static Watcher of(Jwt jwt) {
        Collection<String> roles = jwt.getClaimAsStringList("roles");
        return of(jwt.getSubject(), roles == null ? java.util.List.of() : roles);
    }

    static Watcher of(String userId, Collection<String> roles) {
        long id;
        try {
            id = Long.parseLong(userId);
        } catch (NumberFormatException e) {
            id = 0;
        }
        return new Watcher(id, roles.contains("ADMIN"), roles.contains("ORGANISER"), roles.contains("MERCHANT"));
    }
}
