package io.livehall.realtime.stomp;

import io.livehall.realtime.broker.BrokerMessage;
import io.livehall.realtime.broker.DestinationKind;
import io.livehall.realtime.broker.Subscriber;

/** One SUBSCRIBE of one connection: turns broker messages into MESSAGE frames in the connection's outbox. */
final class StompSubscription implements Subscriber {

    private final StompConnection connection;
    private final String id;
    private final String clientDestination;
    private final String destination;
    /** the least time between two LATEST frames of this subscription (its destination's spacing), 0 for none */
    private final long spacingMillis;

    StompSubscription(StompConnection connection, String id, String clientDestination, String destination,
                      long spacingMillis) {
        this.connection = connection;
        this.spacingMillis = spacingMillis;
        this.id = id;
        this.clientDestination = clientDestination;
        this.destination = destination;
    }

    String destination() {
        return destination;
    }

    String clientDestination() {
        return clientDestination;
    }

    /** A message for this connection alone (not from the broker), with extra headers such as {@code receipt-id}. */
    void deliverDirect(byte[] body, java.util.Map<String, String> headers) {
        connection.outbox().offer(Frames.message(id, connection.nextMessageId(),
                Frames.messageTail(clientDestination, null, body, headers)));
    }

    @Override
    public void deliver(BrokerMessage message) {
        byte[] tail = message.encoded(m -> Frames.messageTail(clientDestination, m.streamId(), m.body()));
        byte[] frame = Frames.message(id, connection.nextMessageId(), tail);
        if (message.kind() == DestinationKind.LATEST) {
            connection.outbox().offerLatest(id, frame, spacingMillis);
        } else {
            connection.outbox().offer(frame);
        }
    }
}
