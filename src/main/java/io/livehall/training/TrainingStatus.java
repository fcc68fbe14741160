package io.livehall.training;

/** A training session's state: SCHEDULED → LIVE → ENDED → REPLAY_AVAILABLE (the last with the replay slice). */
public enum TrainingStatus {
    SCHEDULED("未开始"), LIVE("直播中"), ENDED("已结束"), REPLAY_AVAILABLE("可回看");

    private final String label;

    TrainingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
