package io.livehall.realtime.broker;

/**
 * Wraps a subscriber while it catches up: live messages that arrive during the replay (or before the
 * current value of a LATEST topic was read) are held, then delivered after it, skipping any the replay
 * already delivered. Afterwards messages pass straight through.
 */
final class GaplessSubscriber implements Subscriber {

    private final Subscriber target;
    private final HeldMessages held = new HeldMessages(true);
    private volatile String lastStreamId;
    private volatile boolean liveSeen;

    GaplessSubscriber(Subscriber target) {
        this.target = target;
    }

    @Override
    public void deliver(BrokerMessage message) {
        if (held.keep(message)) {
            return;
        }
        liveSeen = true;
        forward(message);
    }

    /** Delivers a replayed (or current-value) message; only during catch-up. */
    void catchUp(BrokerMessage message) {
        if (message.streamId() != null) {
            lastStreamId = message.streamId();
        }
        target.deliver(message);
    }

    /** Ends catch-up: held live messages follow, without those the replay already covered. */
    void goLive() {
        if (held.release(this::forward)) {
            liveSeen = true;
        }
    }

    boolean wraps(Subscriber subscriber) {
        return target == subscriber;
    }

    boolean liveSeen() {
        return liveSeen || held.holdingAny();
    }

    private void forward(BrokerMessage message) {
        if (lastStreamId != null && message.streamId() != null && RedisBus.compareIds(message.streamId(), lastStreamId) <= 0) {
            return;
        }
        target.deliver(message);
    }
}
