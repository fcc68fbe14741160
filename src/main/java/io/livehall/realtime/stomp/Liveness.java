package io.livehall.realtime.stomp;

/**
 * The clock of one connection's liveness: the heart-beats it owes the client, the WebSocket pings sent to a client that
 * sends no heart-beats (or too seldom to tell a dead one in time), and how long it may stay silent. Intervals in ms,
 * 0 = none. {@link StompConnection#heartbeatTick} asks it what is due.
 */
final class Liveness {

    /** What CONNECTED announces: the server's own heart-beat offer per direction (0 = none). */
    record Announced(long serverSends, long serverExpects) {
    }

    private final long openedAt;
    private volatile long lastInbound;
    private volatile long sendEvery;
    private volatile long expectEvery;
    private volatile long nextBeat;
    private volatile long pingEvery;
    private volatile long nextPing;

    Liveness(long now) {
        this.openedAt = now;
        this.lastInbound = now;
    }

    /** Any frame, a pong included, shows the client is alive. */
    void heard(long now) {
        lastInbound = now;
    }

    /** Negotiates with the client's {@code heart-beat} header ({@code [cx, cy]}) and starts the clock. */
    Announced negotiate(long[] client, RealtimeSettings settings, long now) {
        long offer = settings.heartbeat().toMillis();
        long send = client[1] > 0 ? Math.max(offer, client[1]) : 0;
        long expect = client[0] > 0 ? Math.max(offer, client[0]) : 0;
        long ping = expect == 0 || expect > settings.maxHeartbeat().toMillis() ? settings.pingInterval().toMillis() : 0;
        nextBeat = now + send;
        sendEvery = send;
        expectEvery = ping > 0 ? 0 : expect;
        nextPing = now + ping;
        pingEvery = ping;
        return new Announced(send == 0 ? 0 : offer, expect == 0 ? 0 : offer);
    }

    /** Whether the client has been given long enough to CONNECT. */
    boolean connectOverdue(long now, long timeoutMillis) {
        return now - openedAt > timeoutMillis;
    }

    /** Whether a heart-beat is due now (then the next one is scheduled). */
    boolean beatDue(long now) {
        long send = sendEvery;
        if (send > 0 && now >= nextBeat) {
            nextBeat = now + send;
            return true;
        }
        return false;
    }

    /** Whether a ping is due now (then the next one is scheduled). */
    boolean pingDue(long now) {
        long ping = pingEvery;
        if (ping > 0 && now >= nextPing) {
            nextPing = now + ping;
            return true;
        }
        return false;
    }

    /** Whether the client has been silent for twice the interval it should keep (heart-beats, else pongs). */
    boolean silent(long now) {
        long silentFor = expectEvery > 0 ? 2 * expectEvery : 2 * pingEvery;
        return silentFor > 0 && now - lastInbound > silentFor;
    }

    void stop() {
        sendEvery = 0;
        expectEvery = 0;
        pingEvery = 0;
    }
}
