package io.livehall.fair;

/**
 * An enterprise's part in a fair: SUPPLIER, BUYER or BOTH at procurement, chain and expo fairs; PROJECT (seeks funds)
 * or INVESTOR (funds and banks) at a roadshow.
 */
public enum ParticipantRole {
    SUPPLIER, BUYER, BOTH, PROJECT, INVESTOR;

    /** Whether a participant in this role offers (supply listings, a project to fund). */
    public boolean offers() {
        return this == SUPPLIER || this == BOTH || this == PROJECT;
    }

    /** Whether a participant in this role seeks (demand listings, projects to fund). */
    public boolean seeks() {
        return this == BUYER || this == BOTH || this == INVESTOR;
    }
}
