package io.livehall.fair;

/** What a fair is for: 采购对接 / 投融资路演 / 链主对接 / 云展会. */
public enum FairKind { PROCUREMENT, ROADSHOW, CHAIN, CLOUD_EXPO }
