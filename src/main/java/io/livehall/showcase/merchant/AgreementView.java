package io.livehall.showcase.merchant;

import java.time.Instant;

/** One published version of an agreement; {@code textSha256} is the SHA-256 (hex) of {@code body} in UTF-8. */
record AgreementView(long id, AgreementKind kind, int version, String title, String body, String textSha256,
                     Instant publishedAt) {
}
