package io.livehall.showcase;

record ChatRequest(String text) {
}
