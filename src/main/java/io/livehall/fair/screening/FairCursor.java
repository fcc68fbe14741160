package io.livehall.fair.screening;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import io.livehall.common.error.ApiProblem;
import io.livehall.fair.screening.FairViews.Card;

/** The public list's opaque keyset cursor: the last fair's start and id. */
record FairCursor(Instant startsAt, long id) {

    static FairCursor of(Card last) {
        return new FairCursor(last.startsAt(), last.id());
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((startsAt + "~" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Null for none; 400 for one this API did not hand out. */
    static FairCursor parse(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(after.strip()), StandardCharsets.UTF_8);
            int tilde = text.indexOf('~');
            return new FairCursor(Instant.parse(text.substring(0, tilde)), Long.parseLong(text.substring(tilde + 1)));
        } catch (IllegalArgumentException | DateTimeParseException | IndexOutOfBoundsException e) {
            throw ApiProblem.badRequest("bad-cursor", "分页游标无效");
        }
    }
}
