package io.livehall.realtime.broker;

/**
 * A handler's refusal of a SEND (rate limit, too long, not logged in): the sender gets it on
 * {@code /user/queue/errors} and stays connected.
 */
public class AppRejection extends RuntimeException {

    private final String code;

    public AppRejection(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
