package io.livehall.realtime.presence;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** This instance's members of each room (connections), by room key; a room nobody here is in has no entry. */
final class LocalMembers {

    private final Map<String, Set<String>> byRoom = new ConcurrentHashMap<>();

    void add(String room, String connection) {
        byRoom.compute(room, (k, members) -> {
            Set<String> set = members != null ? members : ConcurrentHashMap.newKeySet();
            set.add(connection);
            return set;
        });
    }

    void remove(String room, String connection) {
        byRoom.computeIfPresent(room, (k, members) -> {
            members.remove(connection);
            return members.isEmpty() ? null : members;
        });
    }

    /** The room's members here (live view; empty if none). */
    Set<String> of(String room) {
        return byRoom.getOrDefault(room, Set.of());
    }

    boolean has(String room) {
        return byRoom.containsKey(room);
    }

    /** The rooms this instance has members in, now. */
    Set<String> rooms() {
        return Set.copyOf(byRoom.keySet());
    }
}
