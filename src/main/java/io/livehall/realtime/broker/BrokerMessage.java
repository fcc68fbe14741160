package io.livehall.realtime.broker;

import java.util.function.Function;

/**
 * One published message as it is delivered: the destination, its JSON body (UTF-8, serialised once for
 * all subscribers) and, for EVENT topics, its id in the replay stream. The transport may attach one
 * encoded form, computed once and shared by every local subscriber.
 */
public final class BrokerMessage {

    private final String destination;
    private final String streamId;
    private final byte[] body;
    private final DestinationKind kind;
    private volatile Object encoded;

    public BrokerMessage(String destination, String streamId, byte[] body, DestinationKind kind) {
        this.destination = destination;
        this.streamId = streamId;
        this.body = body;
        this.kind = kind;
    }

    public String destination() {
        return destination;
    }

    public String streamId() {
        return streamId;
    }

    public byte[] body() {
        return body;
    }

    public DestinationKind kind() {
        return kind;
    }

    /** The transport's encoding of this message, computed at most a few times under a race, then shared. */
    @SuppressWarnings("unchecked")
    public <T> T encoded(Function<BrokerMessage, T> encoder) {
        Object e = encoded;
        if (e == null) {
            e = encoder.apply(this);
            encoded = e;
        }
        return (T) e;
    }
}
