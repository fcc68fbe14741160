package io.livehall.identity;

import java.time.Instant;
import java.util.Set;

/** A user account as stored (with its password hash, which never leaves this package, and its token version). */
record User(long id, String username, String passwordHash, String displayName, String phone,
            Set<Role> roles, Enterprise enterprise, Instant createdAt, long tokenVersion) {

    UserView view() {
        return new UserView(id, username, displayName, phone,
                roles.stream().sorted().toList(), enterprise, createdAt);
    }
}
