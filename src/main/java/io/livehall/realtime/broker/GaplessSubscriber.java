package io.livehall.realtime.broker;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a subscriber while it catches up: live messages that arrive during the replay (or before the
 * current value of a LATEST topic was read) are held, then delivered after it, skipping any the replay
 * already delivered. Afterwards messages pass straight through.
 */
final class GaplessSubscriber implements Subscriber {

    private final Subscriber target;
    private List<BrokerMessage> held = new ArrayList<>();
    private String lastStreamId;
    private boolean liveSeen;

    GaplessSubscriber(Subscriber target) {
        this.target = target;
    }

    @Override
    public void deliver(BrokerMessage message) {
        synchronized (this) {
            if (held != null) {
                held.add(message);
                return;
            }
            liveSeen = true;
        }
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
        while (true) {
            List<BrokerMessage> batch;
            synchronized (this) {
                batch = held;
                if (batch.isEmpty()) {
                    held = null;
                    return;
                }
                held = new ArrayList<>();
                liveSeen |= !batch.isEmpty();
            }
            batch.forEach(this::forward);
        }
    }

    boolean wraps(Subscriber subscriber) {
        return target == subscriber;
    }

    synchronized boolean liveSeen() {
        return liveSeen || (held != null && !held.isEmpty());
    }

    private void forward(BrokerMessage message) {
        if (lastStreamId != null && message.streamId() != null && RedisBus.compareIds(message.streamId(), lastStreamId) <= 0) {
            return;
        }
        target.deliver(message);
    }
}
