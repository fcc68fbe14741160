package io.livehall.fair;

/** A supply listing offers (供), a demand listing asks (需). */
public enum ListingSide {
    SUPPLY, DEMAND;

    /** The side a listing of this side is matched with. */
    public ListingSide counterpart() {
        return this == SUPPLY ? DEMAND : SUPPLY;
    }
}
