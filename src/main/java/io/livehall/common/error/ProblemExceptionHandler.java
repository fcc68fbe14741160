package io.livehall.common.error;

import java.util.Comparator;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;

/**
 * The one place where exceptions become HTTP errors: every error leaves as RFC 9457
 * {@code application/problem+json}. Runs before Spring Boot's default error handler.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Log log = LogFactory.getLog(ProblemExceptionHandler.class);

    private final ProblemWriter writer;

    ProblemExceptionHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        if (ex instanceof ErrorResponse response) {
            exchange.getResponse().getHeaders().addAll(response.getHeaders());
        }
        return writer.write(exchange, toProblem(ex));
    }

    ProblemDetail toProblem(Throwable ex) {
        if (hasCause(ex, DataBufferLimitException.class) || ex instanceof PayloadTooLargeException) {
            return ApiProblem.problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "请求体过大");
        }
        if (ex instanceof WebExchangeBindException bind) {
            return validation(bind);
        }
        if (ex instanceof ServerWebInputException input && numberOutOfRange(input) != null) {
            // e.g. 3074457345618258603 for a quantity: the field is named, as Bean Validation would
            String message = "数值超出允许范围";
            ProblemDetail problem = ApiProblem.problem(HttpStatus.BAD_REQUEST, "validation", "请求参数有误");
            problem.setProperty("errors", List.of(new FieldProblem(numberOutOfRange(input), message)));
            return problem;
        }
        if (ex instanceof ServerWebInputException input && hasCause(input, DecodingException.class)) {
            return ApiProblem.problem(HttpStatus.BAD_REQUEST, "malformed-json", "请求体不是有效的 JSON：" + rootMessage(input));
        }
        if (ex instanceof ServerWebInputException input && input.getMethodParameter() != null) {
            return ApiProblem.problem(HttpStatus.BAD_REQUEST, "bad-request", "请求参数有误：" + input.getReason());
        }
        if (ex instanceof AuthenticationException) {
            return ApiProblem.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "请先登录");
        }
        if (ex instanceof AccessDeniedException) {
            return ApiProblem.problem(HttpStatus.FORBIDDEN, "forbidden", "没有权限执行此操作");
        }
        if (ex instanceof ErrorResponse response) {
            return normalise(response.getBody(), response.getStatusCode().value());
        }
        if (ex instanceof DataIntegrityViolationException) {
            log.warn("Unmapped constraint violation", ex);
            return ApiProblem.problem(HttpStatus.CONFLICT, "conflict", "数据冲突，请刷新后重试");
        }
        log.error("Unhandled error", ex);
        return ApiProblem.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "服务器内部错误，请稍后重试");
    }

    private static ProblemDetail validation(WebExchangeBindException bind) {
        List<FieldProblem> errors = bind.getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField))
                .map(e -> new FieldProblem(e.getField(), e.getDefaultMessage()))
                .toList();
        ProblemDetail problem = ApiProblem.problem(HttpStatus.BAD_REQUEST, "validation", "请求参数有误");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail normalise(ProblemDetail body, int status) {
        if (body.getType() == null || "about:blank".equals(body.getType().toString())) {
            HttpStatus known = HttpStatus.resolve(status);
            String type = status == 404 ? "not-found" : status == 405 ? "method-not-allowed" : "http-" + status;
            body.setType(java.net.URI.create(ApiProblem.TYPE_BASE + type));
            if (body.getTitle() == null && known != null) {
                body.setTitle(known.getReasonPhrase());
            }
            if (status == 404) {
                body.setDetail("请求的资源不存在");
            }
        }
        return body;
    }

    /** The JSON field ({@code a.b[0]}) whose number does not fit its type, or null if that is not the problem. */
    private static String numberOutOfRange(Throwable ex) {
        if (!hasCause(ex, InputCoercionException.class)) {
            return null;
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof JacksonException json && !json.getPath().isEmpty()) {
                StringBuilder field = new StringBuilder();
                for (JacksonException.Reference ref : json.getPath()) {
                    if (ref.getPropertyName() != null) {
                        field.append(field.isEmpty() ? "" : ".").append(ref.getPropertyName());
                    } else if (ref.getIndex() >= 0) {
                        field.append('[').append(ref.getIndex()).append(']');
                    }
                }
                return field.isEmpty() ? null : field.toString();
            }
        }
        return null;
    }

    private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage();
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }
}
