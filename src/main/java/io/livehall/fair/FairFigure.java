package io.livehall.fair;

/** The organisers' KPIs of a fair; amounts in fen. Each is counted by the feature that owns it. */
public enum FairFigure {
    ENTERPRISES, APPROVED, LISTINGS, MATCHES, MEETINGS_BOOKED, MEETINGS_HELD, NO_SHOWS, INTENTIONS,
    SIGNED, INTENDED_AMOUNT_FEN, SIGNED_AMOUNT_FEN
}
