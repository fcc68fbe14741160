package io.livehall.common.tally;

/**
 * What the domains count per minute for the organisers' dashboard ({@link Tally}); amounts in fen where the name says
 * so. Viewer figures ({@link #VIEWERS_PEAK}, {@link #UNIQUE_VIEWERS}, {@link #WATCH_SECONDS}) are samples of presence
 * (the largest of the minute), not sums.
 */
public enum Measure {
    ORDERS("orders"), GMV_FEN("gmvFen"), DEALS_SOLD_OUT("dealsSoldOut"), REGISTRATIONS("registrations"),
    CHECK_INS("checkIns"), MEETINGS_BOOKED("meetingsBooked"), MEETINGS_HELD("meetingsHeld"), INTENTIONS("intentions"),
    SIGNED_DEALS("signedDeals"), SIGNED_AMOUNT_FEN("signedAmountFen"),
    VIEWERS_PEAK("viewersPeak"), UNIQUE_VIEWERS("uniqueViewers"), WATCH_SECONDS("watchSeconds");

    private final String field;

    Measure(String field) {
        this.field = field;
    }

    /** Its field in the Redis hashes (and its name in the dashboard's JSON). */
    public String field() {
        return field;
    }
}
