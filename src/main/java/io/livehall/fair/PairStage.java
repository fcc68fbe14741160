package io.livehall.fair;

/**
 * Where a pair of participants stands (跟踪): MATCHED → CONTACTED → MET → INTENTION → SIGNED, or DROPPED (with a
 * reason). The stages are ordered: automatic progress only ever moves a pair forward.
 */
public enum PairStage { MATCHED, CONTACTED, MET, INTENTION, SIGNED, DROPPED }
