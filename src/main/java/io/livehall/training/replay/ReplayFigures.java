package io.livehall.training.replay;

/**
 * How a session's replay was watched, apart from its live audience: {@code views} (回看人次: plays that sent at least
 * one counted heartbeat), {@code uniqueViewers} (people: users and signed guests) and {@code watchSeconds}.
 */
public record ReplayFigures(long views, long uniqueViewers, long watchSeconds) {

    public static final ReplayFigures NONE = new ReplayFigures(0, 0, 0);
}
