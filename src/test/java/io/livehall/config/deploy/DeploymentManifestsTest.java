package io.livehall.config.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.livehall.config.deploy.Manifests.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * k8s/ (base and the production overlay) parses into the Kubernetes model with no unknown field, and agrees with the
 * application: port, Actuator probe paths, shutdown timing, env names that are real settings, selectors and names
 * that point at each other. Probe paths and metric names are checked against the running app in
 * DeploymentAgainstAppTest.
 */
class DeploymentManifestsTest {

    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";
    static final String PROMETHEUS = "/actuator/prometheus";
    /** the gauge {@code livehall.realtime.connections} (open STOMP connections of an instance), as Prometheus names it */
    static final String CONNECTIONS = "livehall_realtime_connections";

    private final List<Document> base = Manifests.loadAll(Manifests.BASE);
    private static final AppConfigurationKeys SETTINGS = AppConfigurationKeys.load();

    @Test
    void everyManifestParsesWithoutUnknownFieldsAndNames() {
        List<Document> all = Manifests.loadAll(Manifests.ROOT);
        assertThat(all).hasSizeGreaterThanOrEqualTo(14);
        for (Document document : all) {
            assertThat(Manifests.unknownFields(document.model())).as(document.file() + " " + document.type()).isEmpty();
            if (!document.type().endsWith("/Kustomization")) {
                assertThat(document.name()).as(document.file() + " metadata.name").isNotBlank();
            }
        }
    }

    @Test
    void theChecksCatchAMisspeltFieldAndAnEnvNameNoSettingHas() {
        Deployment misspelt = new tools.jackson.databind.json.JsonMapper().convertValue(new org.yaml.snakeyaml.Yaml().load(
                "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n"
                        + "        - name: x\n          readinesProbe: {}\n"), Deployment.class);
        assertThat(Manifests.unknownFields(misspelt)).singleElement().asString().contains("readinesProbe");

        assertThat(SETTINGS.isSetting("LIVEHALL_REALTIME_ALLOWED_ORIGINS")).isTrue();
        assertThat(SETTINGS.isSetting("LIVEHALL_REALTIME_ALLOWEDORIGINS")).isTrue();
        assertThat(SETTINGS.isSetting("SPRING_R2DBC_URL")).isTrue();
        assertThat(SETTINGS.isSetting("LIVEHALL_REALTIME_ALLOWED_ORIGIN")).isFalse();
        assertThat(SETTINGS.isSetting("LIVEHALL_DB_URL")).isFalse();
        assertThat(SETTINGS.isSetting("SPRING_R2DBC_PASSWORT")).isFalse();
    }

    @Test
    void kustomizationsListFilesThatExistAndPatchWhatTheBaseHas() {
        Map<String, Object> kustomization = kustomization(Manifests.BASE);
        for (Object resource : list(kustomization.get("resources"))) {
            assertThat(Manifests.BASE.resolve(resource.toString())).exists();
        }
        assertThat(list(kustomization.get("resources"))).as("the Secret template is never applied")
                .doesNotContain("secret.template.yaml");

        Map<String, Object> production = kustomization(Manifests.PRODUCTION);
        assertThat(list(production.get("resources"))).containsExactly("../../base");
        assertThat(production.get("namespace")).isEqualTo("livehall");
        Set<String> baseObjects = base.stream().map(d -> d.raw().get("kind") + "/" + d.name()).collect(Collectors.toSet());
        for (Object patch : list(production.get("patches"))) {
            Path file = Manifests.PRODUCTION.resolve(((Map<?, ?>) patch).get("path").toString());
            assertThat(file).exists();
            for (Document document : Manifests.load(file)) {
                assertThat(baseObjects).as(file + " patches an object of the base")
                        .contains(document.raw().get("kind") + "/" + document.name());
            }
        }
        assertThat(list(production.get("images")).stream().map(i -> (Object) ((Map<?, ?>) i).get("name")).toList())
                .containsExactly(container().getImage().split(":")[0]);
    }

    @Test
    void theContainerListensOnTheServerPortAndProbesTheActuatorHealthGroups() {
        Container container = container();
        assertThat(container.getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getContainerPort()).isEqualTo(serverPort());
        });
        assertThat(env(container)).containsEntry("PORT", String.valueOf(serverPort()));
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo(LIVENESS);
        assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo(LIVENESS);
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo(READINESS);
        for (var probe : List.of(container.getLivenessProbe(), container.getReadinessProbe(), container.getStartupProbe())) {
            assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
        }
        // the probe groups exist because application.yaml switches them on, readiness covering PostgreSQL (not the
        // Redis every instance shares: see docs/operations.md)
        assertThat(yaml("management.endpoint.health.probes.enabled")).isEqualTo(true);
        assertThat(yaml("management.endpoint.health.group.readiness.include").toString()).contains("r2dbc")
                .doesNotContain("redis");
    }

    @Test
    void shutdownLeavesTimeToDrainSocketsAndRequests() {
        assertThat(yaml("server.shutdown")).isEqualTo("graceful");
        Duration drain = DurationStyle.detectAndParse(yaml("spring.lifecycle.timeout-per-shutdown-phase").toString());
        assertThat(drain).isGreaterThanOrEqualTo(Duration.ofSeconds(10));

        PodSpec pod = Manifests.one(base, Deployment.class).getSpec().getTemplate().getSpec();
        List<String> preStop = container().getLifecycle().getPreStop().getExec().getCommand();
        assertThat(preStop.get(0)).isEqualTo("sleep");
        long preStopSeconds = Long.parseLong(preStop.get(1));
        // preStop, then the clients are told to reconnect (≤ 3 s), then the requests drain, then a margin
        assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo(preStopSeconds + 3 + drain.toSeconds() + 5);
    }

    @Test
    void resourcesSecurityAndRolloutAreSet() {
        Deployment deployment = Manifests.one(base, Deployment.class);
        Container container = container();
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKey("memory");
        assertThat(deployment.getSpec().getReplicas()).as("the HPA owns the count").isNull();
        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L); // the image's user (pom.xml, Jib)
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getVolumeMounts()).extracting(VolumeMount::getMountPath).contains("/tmp");
        assertThat(env(container).get("LIVEHALL_DATA_DIR")).startsWith("/tmp/");

        Deployment patch = Manifests.one(Manifests.load(Manifests.PRODUCTION.resolve("deployment.yaml")), Deployment.class);
        Container bigger = patch.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(bigger.getName()).isEqualTo(container.getName());
        assertThat(bigger.getResources().getLimits()).containsKey("memory");
    }

    @Test
    void everyEnvironmentVariableIsARealSettingOfTheApp() {
        List<String> names = new ArrayList<>(env(container()).keySet());
        for (Document document : Manifests.loadAll(Manifests.ROOT)) {
            if (document.model() instanceof ConfigMap map) {
                names.addAll(map.getData().keySet());
            }
        }
        Secret secrets = secretTemplate("livehall-secrets");
        names.addAll(secrets.getStringData().keySet());
        assertThat(names).hasSizeGreaterThan(8).allSatisfy(name ->
                assertThat(SETTINGS.isSetting(name)).as(name + " is a configuration key of the app").isTrue());
        assertThat(configMap().getData()).containsEntry("LIVEHALL_EMBEDDED", "false").containsKey("SPRING_R2DBC_URL");
        assertThat(secrets.getStringData()).containsKeys("SPRING_R2DBC_PASSWORD", "SPRING_DATA_REDIS_URL", "LIVEHALL_METRICS_TOKEN");
    }

    @Test
    void configMapAndSecretsThePodReadsExistAndTheJwtKeyFileIsMounted() {
        Container container = container();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                assertThat(source.getConfigMapRef().getName()).isEqualTo(configMap().getMetadata().getName());
            } else {
                assertThat(secretTemplate(source.getSecretRef().getName())).isNotNull();
            }
        }
        String keyFile = configMap().getData().get("LIVEHALL_JWT_KEY_FILE");
        VolumeMount mount = container.getVolumeMounts().stream()
                .filter(m -> keyFile.startsWith(m.getMountPath() + "/")).findFirst().orElseThrow();
        String secretName = Manifests.one(base, Deployment.class).getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow().getSecret().getSecretName();
        assertThat(secretTemplate(secretName).getStringData()).containsKey(Path.of(keyFile).getFileName().toString());
    }

    @Test
    void serviceIngressHpaPdbAndServiceMonitorPointAtTheDeployment() {
        Deployment deployment = Manifests.one(base, Deployment.class);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());

        Service service = Manifests.one(base, Service.class);
        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(service.getSpec().getSessionAffinity()).as("no sticky sessions").isIn(null, "None");
        assertThat(service.getSpec().getPorts()).singleElement()
                .satisfies(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("http"));

        Ingress ingress = Manifests.one(base, Ingress.class);
        var backend = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService();
        assertThat(backend.getName()).isEqualTo(service.getMetadata().getName());
        assertThat(backend.getPort().getName()).isEqualTo(service.getSpec().getPorts().get(0).getName());
        Map<String, String> annotations = ingress.getMetadata().getAnnotations();
        // a STOMP client may send heart-beats as rarely as livehall.realtime.max-heartbeat (60 s): twice that at least
        assertThat(Integer.parseInt(annotations.get("nginx.ingress.kubernetes.io/proxy-read-timeout"))).isGreaterThanOrEqualTo(120);
        assertThat(Integer.parseInt(annotations.get("nginx.ingress.kubernetes.io/proxy-send-timeout"))).isGreaterThanOrEqualTo(120);
        assertThat(annotations).doesNotContainKey("nginx.ingress.kubernetes.io/affinity");

        HorizontalPodAutoscaler hpa = Manifests.one(base, HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(hpa.getSpec().getMetrics()).extracting(m -> m.getType()).containsExactly("Resource", "Pods");
        assertThat(hpa.getSpec().getMetrics().get(0).getResource().getName()).isEqualTo("cpu");
        assertThat(hpaConnectionsMetric(hpa)).isEqualTo(CONNECTIONS);
        HorizontalPodAutoscaler production = Manifests.one(Manifests.load(Manifests.PRODUCTION.resolve("hpa.yaml")),
                HorizontalPodAutoscaler.class);
        assertThat(hpaConnectionsMetric(production)).isEqualTo(CONNECTIONS);

        PodDisruptionBudget pdb = Manifests.one(base, PodDisruptionBudget.class);
        assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);

        Map<?, ?> endpoint = (Map<?, ?>) list(((Map<?, ?>) serviceMonitor().get("spec")).get("endpoints")).get(0);
        assertThat(endpoint.get("port")).isEqualTo(service.getSpec().getPorts().get(0).getName());
        assertThat(endpoint.get("path")).isEqualTo(PROMETHEUS);
        Map<?, ?> credentials = (Map<?, ?>) ((Map<?, ?>) endpoint.get("authorization")).get("credentials");
        assertThat(secretTemplate(credentials.get("name").toString()).getStringData())
                .containsKey(credentials.get("key").toString());
        assertThat(credentials.get("key")).isEqualTo("LIVEHALL_METRICS_TOKEN");
    }

    static String hpaConnectionsMetric(HorizontalPodAutoscaler hpa) {
        return hpa.getSpec().getMetrics().stream().filter(m -> m.getType().equals("Pods")).findFirst().orElseThrow()
                .getPods().getMetric().getName();
    }

    static Map<String, Object> serviceMonitor() {
        return Manifests.loadAll(Manifests.BASE).stream().filter(d -> d.type().endsWith("/ServiceMonitor"))
                .findFirst().orElseThrow().raw();
    }

    static Container container() {
        return Manifests.one(Manifests.loadAll(Manifests.BASE), Deployment.class).getSpec().getTemplate().getSpec()
                .getContainers().get(0);
    }

    static int serverPort() {
        String port = yaml("server.port").toString(); // ${PORT:8080}
        return Integer.parseInt(port.replaceAll("^\\$\\{PORT:(\\d+)}$", "$1"));
    }

    @SuppressWarnings("unchecked")
    static Object yaml(String dotted) {
        Object node = AppConfigurationKeys.applicationYaml();
        for (String part : dotted.split("\\.")) {
            node = ((Map<String, Object>) node).get(part);
        }
        return node;
    }

    private ConfigMap configMap() {
        return Manifests.one(base, ConfigMap.class);
    }

    private static Secret secretTemplate(String name) {
        return Manifests.load(Manifests.BASE.resolve("secret.template.yaml")).stream()
                .filter(d -> name.equals(d.name())).findFirst().orElseThrow().as(Secret.class);
    }

    private static Map<String, String> env(Container container) {
        return container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> kustomization(Path dir) {
        assertThat(Files.exists(dir.resolve("kustomization.yaml"))).isTrue();
        return Manifests.load(dir.resolve("kustomization.yaml")).get(0).raw();
    }

    private static List<Object> list(Object value) {
        return value == null ? List.of() : List.copyOf((List<?>) value);
    }
}
