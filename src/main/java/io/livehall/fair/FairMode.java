package io.livehall.fair;

/** Where a fair happens: online, at a venue, or both. */
public enum FairMode { ONLINE, OFFLINE, HYBRID }
