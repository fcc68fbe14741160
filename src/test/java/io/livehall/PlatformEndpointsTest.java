package io.livehall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Health probes, metrics, API docs and the 404 problem for unknown routes. */
class PlatformEndpointsTest extends IntegrationTest {

    /** a whole test run's meters (every endpoint's SLO buckets) make a scrape of several hundred KB */
    static final int SCRAPE_LIMIT = 16 * 1024 * 1024;

    @Test
    void livenessAndReadinessAreUpWithDatabaseAndRedis() {
        http.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void exposesPrometheusMetricsToTheScraperOnly() {
        http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType("application/problem+json");
        http.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth("not-the-metrics-token")).exchange()
                .expectStatus().isUnauthorized();
        http.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(SCRAPE_LIMIT)).build()
                .get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(METRICS_TOKEN)).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(text -> assertThat(text)
                        .contains("jvm_memory_used_bytes")
                        .contains("application=\"livehall\""));
    }

    @Test
    void keepsOtherActuatorEndpointsForAdmins() {
        http.get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void publishesOpenApiWithTheBearerScheme() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer")
                .jsonPath("$.paths['/api/auth/login'].post").exists()
                .jsonPath("$.paths['/api/admin/users'].get").exists();
        http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }

    @Test
    void answersUnknownApiRoutesWithA404Problem() {
        String token = registerAndLogin(uniqueName("lost"), "secret-123");
        http.get().uri("/api/no/such/thing").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://livehall.io/problems/not-found")
                .jsonPath("$.instance").isEqualTo("/api/no/such/thing");
    }

    @Test
    void answersUnknownFilesWithA404Problem() {
        http.get().uri("/assets/missing-file.js").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json");
    }

    @Test
    void answersAWrongMethodWithA405Problem() {
        String token = registerAndLogin(uniqueName("method"), "secret-123");
        http.get().uri("/api/auth/login").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentType("application/problem+json");
    }
}
