package io.livehall.common.error;

/** A request body beyond {@code livehall.http.max-body-size}; answered with 413. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(long limit) {
        super("Request body exceeds " + limit + " bytes");
    }
}
