package io.livehall.config.deploy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * infra/compose.yaml and infra/nginx/ agree with each other and with the app: services and health checks, env names
 * that are real settings, URLs that name the compose services, secrets from files git ignores, and nginx balancing
 * both instances without stickiness, with the WebSocket upgrade on /ws.
 */
class ComposeFileTest {

    private static final Path INFRA = Path.of("infra");
    private static final List<String> INSTANCES = List.of("livehall-1", "livehall-2");
    private static final AppConfigurationKeys SETTINGS = AppConfigurationKeys.load();

    private final Map<String, Object> compose = load();

    @Test
    void servicesAreThereAndEachHasAHealthCheck() {
        assertThat(services().keySet()).containsExactlyInAnyOrder("postgres", "redis", "livehall-1", "livehall-2", "nginx");
        services().forEach((name, service) ->
                assertThat(map(service).get("healthcheck")).as(name + " health check").isNotNull());
        for (String instance : INSTANCES) {
            Map<String, Object> service = service(instance);
            assertThat(service.get("image")).asString().contains("livehall");
            assertThat(map(service.get("depends_on"))).containsKeys("postgres", "redis");
            assertThat(service.get("healthcheck").toString()).contains(DeploymentManifestsTest.READINESS)
                    .contains(String.valueOf(DeploymentManifestsTest.serverPort()));
            assertThat(service).as("only nginx is published").doesNotContainKey("ports");
            // SIGTERM: reconnect notices, then spring.lifecycle.timeout-per-shutdown-phase of draining
            assertThat(service.get("stop_grace_period").toString()).isEqualTo("40s");
        }
        assertThat(map(service("livehall-2").get("depends_on"))).as("Flyway migrates once, on the first").containsKey("livehall-1");
    }

    @Test
    void instancesUseTheComposeDatabaseAndRedisAndEveryEnvNameIsASetting() {
        for (String instance : INSTANCES) {
            Map<String, Object> env = map(service(instance).get("environment"));
            assertThat(env.keySet()).allSatisfy(name ->
                    assertThat(SETTINGS.isSetting(name)).as(name + " is a configuration key of the app").isTrue());
            assertThat(env).containsEntry("LIVEHALL_EMBEDDED", "false");
            assertThat(URI.create(env.get("SPRING_R2DBC_URL").toString().replaceFirst("^r2dbc:", "")).getHost())
                    .isEqualTo("postgres");
            assertThat(URI.create(env.get("SPRING_DATA_REDIS_URL").toString()).getHost()).isEqualTo("redis");
            assertThat(env.get("SPRING_R2DBC_USERNAME")).isEqualTo(map(service("postgres").get("environment")).get("POSTGRES_USER"));
        }
    }

    @Test
    void secretsComeFromIgnoredFilesAndAreNamedLikeTheSettingsTheyFill() throws IOException {
        Map<String, Object> secrets = map(compose.get("secrets"));
        secrets.values().forEach(s -> assertThat(map(s).get("file").toString()).startsWith("./secrets/"));
        assertThat(Files.readString(Path.of(".gitignore"))).contains("/infra/secrets/");

        Map<String, Object> env = map(service("livehall-1").get("environment"));
        assertThat(env.get("SPRING_CONFIG_IMPORT")).isEqualTo("optional:configtree:/run/secrets/");
        for (Object entry : (List<?>) service("livehall-1").get("secrets")) {
            Map<String, Object> secret = map(entry);
            assertThat(secrets).containsKey(secret.get("source").toString());
            String target = secret.get("target").toString();
            // a file under /run/secrets/ is a setting by its name (configtree), or the JWT key the env points at
            assertThat(SETTINGS.isKey(target) || ("/run/secrets/" + target).equals(env.get("LIVEHALL_JWT_KEY_FILE")))
                    .as(target).isTrue();
        }
        assertThat(map(service("postgres").get("environment")).get("POSTGRES_PASSWORD_FILE"))
                .isEqualTo("/run/secrets/postgres_password");
    }

    @Test
    void nginxBalancesBothInstancesWithoutStickinessAndUpgradesWebSockets() throws IOException {
        Map<String, Object> nginx = service("nginx");
        String mount = ((List<?>) nginx.get("volumes")).get(0).toString();
        Path conf = INFRA.resolve(mount.split(":")[0]);
        assertThat(conf).exists();
        String text = Files.readString(conf).replaceAll("(?m)#.*$", ""); // directives only

        Matcher servers = Pattern.compile("server\\s+([\\w-]+):(\\d+)").matcher(text);
        List<String> upstream = servers.results().map(m -> m.group(1) + ":" + m.group(2)).toList();
        assertThat(upstream).containsExactlyInAnyOrderElementsOf(
                INSTANCES.stream().map(i -> i + ":" + DeploymentManifestsTest.serverPort()).toList());
        assertThat(text).doesNotContain("ip_hash", "sticky", "hash $");

        String ws = block(text, "location /ws");
        assertThat(ws).contains("proxy_set_header Upgrade $http_upgrade", "proxy_set_header Connection $connection_upgrade",
                // nginx drops the server's proxy_set_header in a location that sets any: the client's address and host
                "proxy_set_header X-Forwarded-For", "proxy_set_header Host");
        Matcher read = Pattern.compile("proxy_read_timeout (\\d+)s").matcher(ws);
        assertThat(read.find()).isTrue();
        assertThat(Integer.parseInt(read.group(1))).as("twice livehall.realtime.max-heartbeat at least").isGreaterThanOrEqualTo(120);
        assertThat(text).contains("proxy_http_version 1.1", "X-Forwarded-For");

        Map<String, Object> env = map(service("livehall-1").get("environment"));
        String subnet = map(map(map(compose.get("networks")).get("livehall")).get("ipam")).get("config").toString();
        assertThat(subnet).contains(env.get("LIVEHALL_HTTP_TRUSTED_PROXIES").toString());
    }

    private static String block(String text, String start) {
        int from = text.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return text.substring(from, text.indexOf('}', from));
    }

    private Map<String, Object> services() {
        return map(compose.get("services"));
    }

    private Map<String, Object> service(String name) {
        return map(services().get(name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> load() {
        try {
            return new Yaml().load(Files.readString(INFRA.resolve("compose.yaml")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
