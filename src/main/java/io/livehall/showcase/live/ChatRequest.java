package io.livehall.showcase.live;

record ChatRequest(String text) {
}
