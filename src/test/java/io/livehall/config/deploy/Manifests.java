package io.livehall.config.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The YAML documents under k8s/, each parsed into fabric8's Kubernetes model (or kept as a map for CRDs). */
final class Manifests {

    static final Path ROOT = Path.of("k8s");
    static final Path BASE = ROOT.resolve("base");
    static final Path PRODUCTION = ROOT.resolve("overlays/production");

    /** the kinds of the Kubernetes API the manifests use, by apiVersion/kind */
    private static final Map<String, Class<?>> MODEL = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);

    /** custom resources and kustomize files: no model in fabric8's core, checked as maps */
    static final List<String> GENERIC = List.of("kustomize.config.k8s.io/v1beta1/Kustomization",
            "monitoring.coreos.com/v1/ServiceMonitor");

    /** unknown fields fail here instead of landing in additionalProperties unnoticed (see {@link #unknownFields}) */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    record Document(Path file, String type, Map<String, Object> raw, Object model) {

        String name() {
            Object metadata = raw.get("metadata");
            return metadata instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : null;
        }

        <T> T as(Class<T> type) {
            return type.cast(model);
        }
    }

    private Manifests() {
    }

    static List<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Document> load(Path file) {
        List<Document> documents = new ArrayList<>();
        try {
            for (Object loaded : new Yaml().loadAll(Files.readString(file))) {
                if (loaded == null) {
                    continue;
                }
                Map<String, Object> raw = (Map<String, Object>) loaded;
                String type = raw.get("apiVersion") + "/" + raw.get("kind");
                Class<?> model = MODEL.get(type);
                if (model == null && !GENERIC.contains(type)) {
                    throw new AssertionError(file + ": no model for " + type);
                }
                documents.add(new Document(file, type, raw, model == null ? raw : JSON.convertValue(raw, model)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static List<Document> loadAll(Path dir) {
        return files(dir).stream().flatMap(f -> load(f).stream()).toList();
    }

    static <T> T one(List<Document> documents, Class<T> type) {
        List<T> found = documents.stream().filter(d -> type.isInstance(d.model())).map(d -> type.cast(d.model())).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + ", found " + found.size());
        }
        return found.get(0);
    }

    /**
     * Paths of fields fabric8 did not know (its models keep them in additionalProperties): a misspelt field such as
     * {@code readinesProbe} would otherwise parse and be ignored by the cluster.
     */
    static List<String> unknownFields(Object model) {
        List<String> found = new ArrayList<>();
        walk(model, "", found);
        return found;
    }

    private static void walk(Object node, String path, List<String> found) {
        if (node == null || !node.getClass().getName().startsWith("io.fabric8.")) {
            if (node instanceof Collection<?> items) {
                int i = 0;
                for (Object item : items) {
                    walk(item, path + "[" + i++ + "]", found);
                }
            }
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = invoke(getter, node);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    found.add(path + " " + extra.keySet());
                }
            } else {
                walk(value, path + "." + getter.getName().substring(3), found);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
