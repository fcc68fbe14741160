package io.livehall.realtime.broker;

/**
 * What a subscription to an EVENT topic first gets from the topic's replay buffer before live messages: the
 * messages after a stream id ({@code x-replay-since}, used to resume), or the newest {@code last} ones
 * ({@code x-replay-last}, used on entry: a chat needs its recent lines, not the whole buffer).
 */
public record Replay(String since, int last) {

    public static Replay since(String streamId) {
        return new Replay(streamId, 0);
    }

    public static Replay last(int count) {
        return new Replay(null, count);
    }
}
