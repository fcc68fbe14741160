package io.livehall.realtime.stomp;

/** A frame that breaks a rule: the connection answers ERROR with this message and closes. */
final class StompRefusal extends RuntimeException {

    private final String detail;

    StompRefusal(String message, String detail) {
        super(message, null, false, false);
        this.detail = detail;
    }

    String detail() {
        return detail;
    }
}
