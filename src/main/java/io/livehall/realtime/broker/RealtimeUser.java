package io.livehall.realtime.broker;

import java.util.Set;

/**
 * Who is on a realtime connection: an account ({@code id} = user id) or an anonymous guest. A guest that showed a
 * signed guest id ({@code x-guest} on CONNECT) is {@code identified}: its id ({@code guest-<22 characters>}) is the
 * same on every connection, so it may like and is counted once among unique viewers. A guest without one gets an id
 * for this connection only ({@code anon-<random>}). Roles are the account's (none for guests).
 */
public record RealtimeUser(String id, String name, Set<String> roles, boolean guest, boolean identified) {

    public static RealtimeUser account(String id, String name, Set<String> roles) {
        return new RealtimeUser(id, name, roles, false, true);
    }

    public static RealtimeUser guest(String id, String name, boolean identified) {
        return new RealtimeUser(id, name, Set.of(), true, identified);
    }

    public boolean hasAnyRole(Set<String> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }
}
