package io.livehall.fair;

/** Screening (摸底): PENDING → APPROVED / REJECTED / NEEDS_INFO (→ PENDING again when answered); WITHDRAWN by the enterprise. */
public enum ParticipantStatus { PENDING, NEEDS_INFO, APPROVED, REJECTED, WITHDRAWN }
