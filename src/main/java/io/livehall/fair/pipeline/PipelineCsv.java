package io.livehall.fair.pipeline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.livehall.fair.FairFigure;
import io.livehall.fair.ParticipantRole;

/** Cells of the pipeline's CSV files: amounts in 元 with two decimals, roles in Chinese. */
final class PipelineCsv {

    private PipelineCsv() {
    }

    /** {@code 123456} fen → {@code 1234.56}; empty for none. */
    static String yuan(Long fen) {
        return fen == null ? "" : BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** Every figure in {@link FairFigure} order, amounts in 元. */
    static List<String> figures(Map<FairFigure, Long> figures) {
        List<String> cells = new ArrayList<>();
        for (FairFigure f : FairFigure.values()) {
            long value = figures.getOrDefault(f, 0L);
            cells.add(f == FairFigure.INTENDED_AMOUNT_FEN || f == FairFigure.SIGNED_AMOUNT_FEN ? yuan(value)
                    : Long.toString(value));
        }
        return cells;
    }

    static String role(ParticipantRole role) {
        return switch (role) {
            case SUPPLIER -> "供应方";
            case BUYER -> "采购方";
            case BOTH -> "供需双方";
            case PROJECT -> "融资项目";
            case INVESTOR -> "投资机构";
        };
    }
}
