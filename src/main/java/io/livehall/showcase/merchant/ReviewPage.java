package io.livehall.showcase.merchant;

import java.util.List;

/** A page of a round's applications for review, with the round's quota figures alongside. */
record ReviewPage(RoundView round, List<ApplicationView> items, String next) {
}
