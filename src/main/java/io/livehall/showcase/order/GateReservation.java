package io.livehall.showcase.order;

/**
 * Units the gate let through for one order being placed: {@code token} names the attempt (and, before its dot, the
 * instance that made it), {@code key} is the Idempotency-Key (PostgreSQL finds the order by buyer and key).
 */
record GateReservation(long dealId, long buyerId, String token, int units, long takenAtMillis, String key) {

    String instance() {
        int dot = token.indexOf('.');
        return dot < 0 ? token : token.substring(0, dot);
    }

    String value() {
        return token + "|" + units + "|" + takenAtMillis + "|" + key;
    }

    static GateReservation parse(long dealId, long buyerId, String value) {
        String[] parts = value.split("\\|", 4);
        return new GateReservation(dealId, buyerId, parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2]), parts[3]);
    }
}
