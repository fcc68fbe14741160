package io.livehall.fair;

/** PUBLIC fairs are listed for everyone; CLOSED (closed-door, invite-only) ones only for organisers and invitees. */
public enum FairVisibility { PUBLIC, CLOSED }
