package io.livehall.realtime.broker;

import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Mono;

/**
 * Who may subscribe to a destination: guests or not, any of some roles, and optionally a {@link Guard} that a
 * domain supplies to decide per destination (e.g. "only the merchant of this live session"). Realtime itself
 * knows nothing of domains: a guard receives the user and the destination's path variables.
 */
public record Access(boolean guests, Set<String> roles, Guard guard) {

    public static final Access PUBLIC = new Access(true, Set.of());
    public static final Access ACCOUNTS = new Access(false, Set.of());

    /** A domain's per-destination check, e.g. ownership looked up in the database. Must not block. */
    @FunctionalInterface
    public interface Guard {
        Mono<Boolean> allows(RealtimeUser user, Map<String, String> variables);
    }

    public Access(boolean guests, Set<String> roles) {
        this(guests, roles, null);
    }

    public static Access roles(String... roles) {
        return new Access(false, Set.of(roles));
    }

    /** The same rule, plus a guard checked (after the static rule) at each SUBSCRIBE. */
    public Access guardedBy(Guard guard) {
        return new Access(guests, roles, guard);
    }

    /** The static part of the rule: guests and roles. */
    public boolean allows(RealtimeUser user) {
        if (user.guest()) {
            return guests;
        }
        return roles.isEmpty() || user.hasAnyRole(roles);
    }

    /** The whole rule: the static part, then the guard if there is one. */
    public Mono<Boolean> check(RealtimeUser user, Map<String, String> variables) {
        if (!allows(user)) {
            return Mono.just(false);
        }
        return guard == null ? Mono.just(true) : guard.allows(user, variables).defaultIfEmpty(false);
    }
}
