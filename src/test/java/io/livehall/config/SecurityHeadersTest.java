package io.livehall.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.livehall.EnvironmentBinding;
import io.livehall.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Content-Security-Policy and the other security headers; the metrics endpoint behind the scraper's token. */
class SecurityHeadersTest extends IntegrationTest {

    @Test
    void theAppAndItsDeepLinksCarryTheAppPolicy() {
        for (String path : new String[]{"/", "/live/1", "/admin/users"}) {
            WebTestClient.ResponseSpec response = http.get().uri(path).exchange();
            response.expectHeader().valueEquals("Content-Security-Policy", SecurityHeaders.APP_POLICY)
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY");
        }
        assertThat(SecurityHeaders.APP_POLICY)
                .contains("script-src 'self';", "frame-ancestors 'none'", "media-src 'self' blob: https:",
                        "worker-src 'self' blob:", "object-src 'none'")
                .doesNotContain("unsafe-eval")
                .doesNotContain("unsafe-inline");
    }

    @Test
    void apiAnswersCarryItToo() {
        http.get().uri("/api/products").exchange()
                .expectHeader().valueEquals("Content-Security-Policy", SecurityHeaders.APP_POLICY);
    }

    @Test
    void swaggerUiHasItsOwnPolicy() throws Exception {
        http.get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().valueEquals("Content-Security-Policy", SecurityHeaders.SWAGGER_POLICY);
        assertThat(SecurityHeaders.isSwaggerUi("/swagger-ui/index.html")).isTrue();
        assertThat(SecurityHeaders.isSwaggerUi("/live/1")).isFalse();
        // (its files are not fetched over HTTP here: serving them reads the webjar on the event loop, which BlockHound
        // refuses in tests) the page it serves loads scripts from files only, which 'self' allows
        Resource[] pages = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:META-INF/resources/webjars/swagger-ui/*/index.html");
        assertThat(pages).hasSize(1);
        String html = pages[0].getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("<script src=\"./swagger-ui-bundle.js\"", "<script src=\"./swagger-initializer.js\"")
                .doesNotContain("<script>");
        assertThat(SecurityHeaders.SWAGGER_POLICY).contains("script-src 'self';").doesNotContain("unsafe-eval");
    }

    @Test
    void aUsersTokenDoesNotOpenTheMetrics() {
        String admin = uniqueName("metrics");
        registerAndLogin(admin, "secret-123");
        grantRoles(admin, "VIEWER", "ADMIN");
        String token = login(admin, "secret-123");
        http.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isUnauthorized();
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    void theMetricsTokenComesFromTheEnvironment() {
        assertThat(EnvironmentBinding.bind("livehall.metrics", MetricsSettings.class,
                Map.of("LIVEHALL_METRICS_TOKEN", "a-long-enough-scrape-token")).token()).isEqualTo("a-long-enough-scrape-token");
        assertThat(EnvironmentBinding.bind("livehall.metrics", MetricsSettings.class, Map.of()).token()).isNull();
        assertThatThrownBy(() -> new MetricsSettings("short")).hasMessageContaining("16");
    }
}
