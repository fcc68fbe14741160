package io.livehall.showcase.merchant;

/** The two documents every merchant accepts: 进场协议 and 质量服务承诺. */
enum AgreementKind {
    ENTRY_AGREEMENT, QUALITY_COMMITMENT
}
