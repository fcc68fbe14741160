package io.livehall.showcase.live;

/** A live session as other features need it: whose it is and whether it is on air. */
public record LiveSessionRef(long id, long merchantId, String title, String status) {

    public boolean live() {
        return "LIVE".equals(status);
    }
}
