package io.livehall.showcase.live;

import io.livehall.common.text.PlainText;


/** A chat line; STOMP bodies meet no Bean Validation, so {@link LiveRoomChat} checks the same rules itself. */
record ChatRequest(@PlainText String text) {
}
