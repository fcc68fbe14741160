package io.livehall.fair.pipeline;

import io.livehall.fair.FairFigure;
import io.livehall.fair.PairStage;

/** The Chinese names of stages and figures, as CSV files and notifications show them (the UI has its own copy). */
final class PipelineLabels {

    private PipelineLabels() {
    }

    static String stage(PairStage stage) {
        return switch (stage) {
            case MATCHED -> "已匹配";
            case CONTACTED -> "已联系";
            case MET -> "已洽谈";
            case INTENTION -> "达成意向";
            case SIGNED -> "已签约";
            case DROPPED -> "已放弃";
        };
    }

    static String figure(FairFigure figure) {
        return switch (figure) {
            case ENTERPRISES -> "报名企业";
            case APPROVED -> "审核通过";
            case LISTINGS -> "供需信息";
            case MATCHES -> "匹配对数";
            case MEETINGS_BOOKED -> "已约洽谈";
            case MEETINGS_HELD -> "已举行洽谈";
            case NO_SHOWS -> "爽约";
            case INTENTIONS -> "意向";
            case SIGNED -> "签约";
            case INTENDED_AMOUNT_FEN -> "意向金额(元)";
            case SIGNED_AMOUNT_FEN -> "签约金额(元)";
        };
    }
}
