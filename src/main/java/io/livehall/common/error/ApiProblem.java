package io.livehall.common.error;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A business error with an RFC 9457 body. Domains throw these (or return {@code Mono.error}) and the
 * {@link ProblemExceptionHandler} renders them; {@code type} URIs name the kind of problem.
 */
public class ApiProblem extends ErrorResponseException {

    public static final String TYPE_BASE = "https://livehall.io/problems/";

    public ApiProblem(HttpStatus status, String type, String detail) {
        super(status, problem(status, type, detail), null);
    }

    public ApiProblem(HttpStatus status, String type, String detail, List<FieldProblem> errors) {
        this(status, type, detail);
        getBody().setProperty("errors", errors);
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", what + "不存在");
    }

    public static ApiProblem conflict(String type, String field, String message) {
        return new ApiProblem(HttpStatus.CONFLICT, type, message, List.of(new FieldProblem(field, message)));
    }

    public static ApiProblem badRequest(String type, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, type, detail);
    }

    /**
     * 429 with {@code Retry-After} in whole seconds (rounded up, at least 1), also as {@code retryAfterSeconds} in the
     * body for the UI.
     */
    public static ApiProblem tooManyRequests(String type, String detail, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        ApiProblem problem = new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, type, detail);
        problem.getHeaders().set("Retry-After", Long.toString(seconds));
        problem.getBody().setProperty("retryAfterSeconds", seconds);
        return problem;
    }

    static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(status.getReasonPhrase());
        return body;
    }
}
