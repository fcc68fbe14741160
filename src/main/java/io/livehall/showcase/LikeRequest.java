package io.livehall.showcase;

record LikeRequest(Integer count) {
}
