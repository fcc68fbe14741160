package io.livehall.realtime.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Live messages held back while something catches up (a replay, a current value), then released in the order they
 * came. Messages that come while a release runs are held too and follow in the same release, so nothing overtakes.
 * Thread-safe; the owner decides what "holding" means for its other state.
 */
final class HeldMessages {

    /** null when not holding */
    private List<BrokerMessage> held;

    HeldMessages(boolean holding) {
        this.held = holding ? new ArrayList<>() : null;
    }

    /** Starts holding; false if already holding. */
    synchronized boolean hold() {
        if (held != null) {
            return false;
        }
        held = new ArrayList<>();
        return true;
    }

    /** Keeps the message if holding (true), else leaves it to the caller (false). */
    synchronized boolean keep(BrokerMessage message) {
        if (held == null) {
            return false;
        }
        held.add(message);
        return true;
    }

    /** Delivers every held message, and those that come meanwhile, then stops holding; answers whether any was held. */
    boolean release(Consumer<BrokerMessage> deliver) {
        boolean any = false;
        while (true) {
            List<BrokerMessage> batch;
            synchronized (this) {
                batch = held;
                if (batch == null || batch.isEmpty()) {
                    held = null;
                    return any;
                }
                held = new ArrayList<>();
            }
            any = true;
            batch.forEach(deliver);
        }
    }

    synchronized boolean holdingAny() {
        return held != null && !held.isEmpty();
    }
}
