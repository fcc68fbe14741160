package io.livehall.realtime.broker;

import java.util.Set;

/**
 * Who is on a realtime connection: an account ({@code id} = user id) or an anonymous guest
 * ({@code id} = {@code guest-<random>}). Roles are the account's (none for guests).
 */
public record RealtimeUser(String id, String name, Set<String> roles, boolean guest) {

    public boolean hasAnyRole(Set<String> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }
}
