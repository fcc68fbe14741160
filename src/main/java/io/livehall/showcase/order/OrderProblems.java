package io.livehall.showcase.order;

import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import org.springframework.http.HttpStatus;

/** The order feature's problems (RFC 9457 types under /problems/). */
final class OrderProblems {

    private OrderProblems() {
    }

    static ApiProblem soldOut() {
        return new ApiProblem(HttpStatus.CONFLICT, "sold-out", "已抢光");
    }

    static ApiProblem notEnough(String left) {
        return new ApiProblem(HttpStatus.CONFLICT, "sold-out", "库存不足，仅剩 " + left + " 件");
    }

    static ApiProblem limitReached(int limit) {
        return new ApiProblem(HttpStatus.CONFLICT, "limit-reached", "已达每人限购数量（" + limit + " 件）");
    }

    static ApiProblem keyReused() {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                "该 Idempotency-Key 已用于另一笔不同的下单请求");
    }

    static ApiProblem inProgress() {
        return new ApiProblem(HttpStatus.CONFLICT, "request-in-progress", "同一请求正在处理中，请稍后重试");
    }

    static ApiProblem invalid(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", message, List.of(new FieldProblem(field, message)));
    }

    static ApiProblem wrongStatus(String message) {
        return new ApiProblem(HttpStatus.CONFLICT, "invalid-status", message);
    }

    /** Internal signals inside an order transaction (stackless; they roll it back). */
    static final class Signal extends RuntimeException {
        static final Signal KEY_TAKEN = new Signal("key taken");
        static final Signal LIMIT_IN_DB = new Signal("limit reached in PostgreSQL");
        static final Signal SOLD_OUT_IN_DB = new Signal("no shard has stock");
        static final Signal NO_FREE_SHARD = new Signal("no free shard has the units right now");

        private Signal(String message) {
            super(message, null, false, false);
        }
    }
}
