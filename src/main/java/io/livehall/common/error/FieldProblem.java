package io.livehall.common.error;

/** One invalid field of a request: {@code field} is the JSON path (e.g. {@code enterprise.creditCode}). */
public record FieldProblem(String field, String message) {
}
