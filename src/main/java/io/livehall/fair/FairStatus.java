package io.livehall.fair;

/** DRAFT (organisers only) → PUBLISHED (open to registration while it has not ended), or CANCELLED. */
public enum FairStatus { DRAFT, PUBLISHED, CANCELLED }
