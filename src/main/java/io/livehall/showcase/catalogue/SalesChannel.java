package io.livehall.showcase.catalogue;

/** Where a product is sold besides the hall: 线下展销, 社区团购, 社群分销, 电商直播, 渠道输出. */
public enum SalesChannel {
    OFFLINE_EXHIBITION("线下展销"),
    COMMUNITY_GROUP_BUY("社区团购"),
    SOCIAL_DISTRIBUTION("社群分销"),
    LIVE_ECOMMERCE("电商直播"),
    CHANNEL_EXPORT("渠道输出");

    private final String label;

    SalesChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
