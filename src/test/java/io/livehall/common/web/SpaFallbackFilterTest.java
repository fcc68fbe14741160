package io.livehall.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class SpaFallbackFilterTest {

    @ParameterizedTest
    @CsvSource({
            "GET, /live/1, true",
            "GET, /, true",
            "GET, /admin/users, true",
            "HEAD, /me, true",
            "POST, /live/1, false",
            "GET, /api/me, false",
            "GET, /api, false",
            "GET, /actuator/health, false",
            "GET, /v3/api-docs, false",
            "GET, /swagger-ui.html, false",
            "GET, /ws, false",
            "GET, /assets/index-abc.js, false",
            "GET, /favicon.svg, false",
            "GET, //api/products, false",
            "GET, /live//1, false"})
    void routesOnlyAppPagesToIndexHtml(String method, String path, boolean appRoute) {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.method(HttpMethod.valueOf(method), java.net.URI.create("http://localhost" + path)).build());
        assertThat(SpaFallbackFilter.isAppRoute(exchange)).isEqualTo(appRoute);
    }
}
