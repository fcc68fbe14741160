package io.livehall.common.error;

import java.util.Comparator;
import java.util.List;

import io.livehall.common.batch.NaturalBatcher;
import io.r2dbc.spi.R2dbcException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
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
        ProblemDetail problem = toProblem(ex);
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            exchange.getResponse().getHeaders().set("Retry-After", "2");
        }
        return writer.write(exchange, problem);
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
        if (ex instanceof ServerWebInputException input) {
            return InputProblems.of(input);
        }
        if (ex instanceof DecodingException) {
            // a body no reader could parse outside a controller argument: broken multipart (no boundary, no end)
            log.debug("Undecodable request body", ex);
            return ApiProblem.problem(HttpStatus.BAD_REQUEST, "malformed-body", "请求体格式错误，无法解析");
        }
        if (ex instanceof ServerExchangeRejectedException) {
            log.debug("Request rejected by the firewall", ex);
            return ApiProblem.problem(HttpStatus.BAD_REQUEST, FirewallRejections.TYPE, FirewallRejections.DETAIL);
        }
        if (ex instanceof AuthenticationException) {
            return ApiProblem.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "请先登录");
        }
        if (ex instanceof AccessDeniedException) {
            return ApiProblem.problem(HttpStatus.FORBIDDEN, "forbidden", "没有权限执行此操作");
        }
        if (ex instanceof ErrorResponse response) {
            return normalise(ex, response.getBody(), response.getStatusCode().value());
        }
        if (unstorableText(ex)) {
            log.info("Text PostgreSQL cannot store reached a statement: " + ex.getMessage());
            return ApiProblem.problem(HttpStatus.BAD_REQUEST, "unstorable-text", "请求中含有无法保存的字符（如控制字符）");
        }
        if (ex instanceof DataIntegrityViolationException) {
            log.warn("Unmapped constraint violation", ex);
            return ApiProblem.problem(HttpStatus.CONFLICT, "conflict", "数据冲突，请刷新后重试");
        }
        if (unavailable(ex)) {
            log.warn("A store did not answer in time: " + ex);
            return ApiProblem.problem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "服务繁忙，请稍后重试");
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

    /**
     * The framework's own errors (no route, wrong method or media type, a parameter that failed validation) carry
     * English texts that may name classes: they get a fixed Chinese detail; the original is logged at debug.
     */
    private static ProblemDetail normalise(Throwable ex, ProblemDetail body, int status) {
        if (body.getType() != null && !"about:blank".equals(body.getType().toString())) {
            return body;
        }
        log.debug("Framework error answered with a fixed text", ex);
        HttpStatus known = HttpStatus.resolve(status);
        String type = status == 404 ? "not-found" : status == 405 ? "method-not-allowed" : "http-" + status;
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(java.net.URI.create(ApiProblem.TYPE_BASE + type));
        problem.setTitle(known != null ? known.getReasonPhrase() : body.getTitle());
        String detail;
        if (ex instanceof MethodNotAllowedException e) {
            detail = "不支持该请求方法" + listed("可用", e.getSupportedMethods().stream().map(HttpMethod::name).sorted().toList());
        } else if (ex instanceof NotAcceptableStatusException e) {
            detail = "无法以请求的格式（Accept）答复" + listed("可用", mediaTypes(e.getSupportedMediaTypes()));
        } else if (ex instanceof UnsupportedMediaTypeStatusException e) {
            detail = "不支持该请求体格式（Content-Type）" + listed("可用", mediaTypes(e.getSupportedMediaTypes()));
        } else if (ex instanceof HandlerMethodValidationException e) {
            problem.setType(java.net.URI.create(ApiProblem.TYPE_BASE + "validation"));
            problem.setProperty("errors", InputProblems.fieldProblems(e));
            detail = "请求参数有误";
        } else {
            detail = STATUS_TEXTS.getOrDefault(status, "请求无法处理");
        }
        problem.setDetail(detail);
        return problem;
    }

    private static final java.util.Map<Integer, String> STATUS_TEXTS = java.util.Map.of(
            400, "请求有误", 401, "请先登录", 403, "没有权限执行此操作", 404, "请求的资源不存在",
            405, "不支持该请求方法", 406, "无法以请求的格式答复", 409, "数据冲突，请刷新后重试",
            413, "请求体过大", 415, "不支持该请求体格式", 429, "请求太频繁，请稍后再试");

    private static List<String> mediaTypes(List<MediaType> types) {
        return types.stream().filter(t -> !t.isWildcardType() && !t.isWildcardSubtype())
                .map(t -> t.getType() + "/" + t.getSubtype()).distinct().toList();
    }

    private static String listed(String label, List<String> values) {
        return values.isEmpty() ? "" : "，" + label + "：" + String.join("、", values);
    }

    /** PostgreSQL's answer to NUL (22021, invalid byte sequence) or text the encoding lacks (22P05). */
    private static boolean unstorableText(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof R2dbcException r2dbc
                    && ("22021".equals(r2dbc.getSqlState()) || "22P05".equals(r2dbc.getSqlState()))) {
                return true;
            }
        }
        return false;
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

    /**
     * PostgreSQL or Redis did not answer in time, a lock was not granted within the lock timeout, a pool had no
     * connection, or a batch queue was full: the request may well succeed a moment later (503, Retry-After), and
     * nothing was half-written (the transaction rolled back).
     */
    private static boolean unavailable(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                    || t instanceof java.util.concurrent.TimeoutException || t instanceof io.r2dbc.spi.R2dbcTransientException
                    || t instanceof io.lettuce.core.RedisCommandTimeoutException || t instanceof NaturalBatcher.Full) {
                return true;
            }
            if (t instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null
                    && (r2dbc.getSqlState().equals("55P03") || r2dbc.getSqlState().equals("57014"))) {
                return true; // lock_not_available (lock timeout), query_canceled (statement timeout)
            }
        }
        return false;
    }

    private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
