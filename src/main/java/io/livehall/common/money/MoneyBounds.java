package io.livehall.common.money;

import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import org.springframework.http.HttpStatus;

/**
 * The bounds of money (integer fen) and quantities, the same in requests (Bean Validation), services and the
 * database (CHECK constraints of V9). With every factor bounded, {@code unit price × quantity} cannot overflow a
 * {@code long}; the total of one order or quote is bounded as well, so no sum of them comes near overflowing.
 * See docs/security.md "Money and quantity bounds".
 */
public final class MoneyBounds {

    /** The highest unit price (product, flash deal, quote): 1,000,000,000 fen = ¥10,000,000 (1000 万元). */
    public static final long MAX_PRICE_FEN = 1_000_000_000L;

    /** The highest total of one order or quote answer: 10,000,000,000 fen = ¥100,000,000 (1 亿元). */
    public static final long MAX_TOTAL_FEN = 10_000_000_000L;

    /** The most units of one flash deal, one quote request, one order (a quote becomes one order). */
    public static final int MAX_QUANTITY = 1_000_000;

    private MoneyBounds() {
    }

    /**
     * {@code unitFen × quantity}, refused with 400 naming {@code field} when either is out of range or the total is
     * above {@link #MAX_TOTAL_FEN}. Exact: an overflow is a refusal, never a wrong total.
     */
    public static long total(long unitFen, long quantity, String field) {
        if (unitFen < 1 || unitFen > MAX_PRICE_FEN || quantity < 1 || quantity > MAX_QUANTITY) {
            throw invalid(field, "金额或数量超出允许范围");
        }
        long total;
        try {
            total = Math.multiplyExact(unitFen, quantity);
        } catch (ArithmeticException e) {
            throw invalid(field, "总金额不能超过 1 亿元");
        }
        if (total > MAX_TOTAL_FEN) {
            throw invalid(field, "总金额不能超过 1 亿元");
        }
        return total;
    }

    private static ApiProblem invalid(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", message, List.of(new FieldProblem(field, message)));
    }
}
