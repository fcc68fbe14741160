package io.livehall.showcase.merchant;

/** What a qualification document is; every application carries a business licence. */
enum DocumentKind {
    BUSINESS_LICENSE, PRODUCT_QUALIFICATION, QUALITY_CERTIFICATE, TRADEMARK, OTHER
}
