package io.livehall.showcase.live;

record LikeRequest(Integer count) {
}
