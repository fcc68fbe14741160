package io.livehall.common.error;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Requests the framework could not turn into controller arguments (no body, JSON that does not parse or does not
 * fit, a parameter of the wrong type, a missing parameter or multipart part). The framework's texts are English and
 * name classes and method signatures: the answer names the field and what it should be, in Chinese, and the
 * original is logged at debug.
 */
final class InputProblems {

    private static final Log log = LogFactory.getLog(InputProblems.class);

    private InputProblems() {
    }

    static ProblemDetail of(ServerWebInputException input) {
        log.debug("Unusable request input", input);
        if (input instanceof MissingRequestValueException missing) {
            String what = label(missing.getLabel());
            return withField("missing-parameter", "缺少" + what + " " + missing.getName(), missing.getName(), "缺少" + what);
        }
        if ("No request body".equals(input.getReason())) {
            return ApiProblem.problem(HttpStatus.BAD_REQUEST, "malformed-json", "请求体不能为空（应为 JSON）");
        }
        if (cause(input, DecodingException.class) != null) {
            MismatchedInputException mismatch = cause(input, MismatchedInputException.class);
            if (mismatch != null && !mismatch.getPath().isEmpty()) {
                String message = mismatch instanceof UnrecognizedPropertyException ? "不支持该字段" : expected(mismatch.getTargetType());
                return withField("malformed-json", "请求参数有误", path(mismatch), message);
            }
            return ApiProblem.problem(HttpStatus.BAD_REQUEST, "malformed-json", "请求体不是有效的 JSON");
        }
        MethodParameter parameter = input.getMethodParameter();
        if (parameter != null) {
            String name = parameterName(parameter);
            TypeMismatchException mismatch = cause(input, TypeMismatchException.class);
            String message = mismatch == null ? "取值无效" : expected(mismatch.getRequiredType());
            return withField("bad-parameter", "请求参数 " + name + " " + message, name, message);
        }
        return ApiProblem.problem(HttpStatus.BAD_REQUEST, "bad-request", "请求参数有误");
    }

    /** The failed constraints of {@code @RequestParam}/{@code @PathVariable} arguments, each under its name. */
    static List<FieldProblem> fieldProblems(HandlerMethodValidationException e) {
        return e.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors errors
                        ? errors.getFieldErrors().stream().map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
                        : result.getResolvableErrors().stream()
                                .map(r -> new FieldProblem(parameterName(result.getMethodParameter()), r.getDefaultMessage())))
                .toList();
    }

    private static ProblemDetail withField(String type, String detail, String field, String message) {
        ProblemDetail problem = ApiProblem.problem(HttpStatus.BAD_REQUEST, type, detail);
        problem.setProperty("errors", List.of(new FieldProblem(field, message)));
        return problem;
    }

    /** What a value of {@code type} looks like, in words a client developer understands. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "格式不正确";
        }
        if (type.isEnum()) {
            return "取值无效，可选：" + String.join("、", Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name()).toList());
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class
                || type == Short.class || type == short.class) {
            return "须为整数";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "须为数字";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "须为 true 或 false";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "须为 ISO-8601 时间（如 2026-01-01T08:00:00Z）";
        }
        if (type == String.class) {
            return "须为文本";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "须为数组";
        }
        return type.getName().startsWith("java.") ? "格式不正确" : "须为对象";
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The name a client uses ({@code name} and {@code value} are aliases: at most one of them is set). */
    private static String parameterName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
        String name = param != null ? param.name() + param.value() : variable != null ? variable.name() + variable.value()
                : header != null ? header.name() + header.value() : part != null ? part.name() + part.value() : null;
        if (name == null || name.isEmpty()) {
            name = parameter.getParameterName();
        }
        return name == null ? "参数" : name;
    }

    private static String label(String label) {
        String l = label == null ? "" : label.toLowerCase(java.util.Locale.ROOT);
        if (l.contains("part")) {
            return "上传内容";
        }
        if (l.contains("header")) {
            return "请求头";
        }
        if (l.contains("cookie")) {
            return "Cookie";
        }
        if (l.contains("path")) {
            return "路径参数";
        }
        return "请求参数";
    }

    private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
