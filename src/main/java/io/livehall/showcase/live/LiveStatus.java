package io.livehall.showcase.live;

/** A live session's state: SCHEDULED → LIVE → ENDED, or SCHEDULED → CANCELLED. */
enum LiveStatus {
    SCHEDULED("未开播"), LIVE("直播中"), ENDED("已结束"), CANCELLED("已取消");

    private final String label;

    LiveStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
