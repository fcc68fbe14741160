package io.livehall.config.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.livehall.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running app answers what the manifests and the Grafana dashboard expect of it: the probe paths of the
 * Deployment (anonymously, UP), the ServiceMonitor's scrape path with the metrics token, and every metric the
 * dashboard and the HPA query is in that scrape.
 */
class DeploymentAgainstAppTest extends IntegrationTest {

    /** a whole test run's meters (every endpoint's SLO buckets) make a scrape of several hundred KB */
    static final int SCRAPE_LIMIT = 16 * 1024 * 1024;

    static final String PROMETHEUS = DeploymentManifestsTest.PROMETHEUS;
    static final String CONNECTIONS = DeploymentManifestsTest.CONNECTIONS;
    static final Path DASHBOARD = Path.of("infra/grafana/live-hall.json");

    private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");

    @Test
    void theDeploymentsProbePathsAnswerUpWithoutAToken() {
        var container = DeploymentManifestsTest.container();
        for (var probe : List.of(container.getLivenessProbe(), container.getReadinessProbe(), container.getStartupProbe())) {
            http.get().uri(probe.getHttpGet().getPath()).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    @Test
    void everyMetricTheDashboardAndTheHpaQueryIsScraped() throws IOException {
        Set<String> queried = dashboardMetrics();
        assertThat(queried).contains(CONNECTIONS, "http_server_requests_seconds_bucket", "livehall_realtime_published_total");
        HorizontalPodAutoscaler hpa = Manifests.one(Manifests.loadAll(Manifests.BASE), HorizontalPodAutoscaler.class);
        queried.add(DeploymentManifestsTest.hpaConnectionsMetric(hpa));

        http.get().uri("/api/products").exchange(); // any request: the HTTP histogram appears after the first one
        Set<String> scraped = scrapedMetrics();

        assertThat(scraped).containsAll(queried);
    }

    @Test
    void theScrapeNeedsTheTokenTheServiceMonitorSends() {
        http.get().uri(PROMETHEUS).exchange().expectStatus().isUnauthorized();
        assertThat(scrapedMetrics()).isNotEmpty();
    }

    /** Metric names in the dashboard's PromQL: identifiers outside label matchers, ranges and by (...) that call nothing. */
    static Set<String> dashboardMetrics() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        Set<String> names = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("targets").size()).as(panel.path("title").asString()).isPositive();
            for (JsonNode target : panel.path("targets")) {
                names.addAll(metricNames(target.path("expr").asString()));
            }
        }
        return names;
    }

    static Set<String> metricNames(String promql) {
        String stripped = promql.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(stripped);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    private Set<String> scrapedMetrics() {
        String body = http.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(SCRAPE_LIMIT)).build().get().uri(PROMETHEUS).headers(h -> h.setBearerAuth(METRICS_TOKEN)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        Set<String> names = new TreeSet<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }
}
