package io.livehall.realtime.broker;

/** A local receiver of messages of one destination (a STOMP subscription). Must not block. */
public interface Subscriber {

    void deliver(BrokerMessage message);
}
