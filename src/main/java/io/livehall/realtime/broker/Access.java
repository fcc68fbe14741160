package io.livehall.realtime.broker;

import java.util.Set;

/** Who may subscribe to a destination. */
public record Access(boolean guests, Set<String> roles) {

    public static final Access PUBLIC = new Access(true, Set.of());
    public static final Access ACCOUNTS = new Access(false, Set.of());

    public static Access roles(String... roles) {
        return new Access(false, Set.of(roles));
    }

    public boolean allows(RealtimeUser user) {
        if (user.guest()) {
            return guests;
        }
        return roles.isEmpty() || user.hasAnyRole(roles);
    }
}
