package io.livehall.config.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every configuration key the application really reads, and the environment variable names that set them (Spring's
 * relaxed binding: {@code livehall.realtime.allowed-origins} is {@code LIVEHALL_REALTIME_ALLOWEDORIGINS} or
 * {@code LIVEHALL_REALTIME_ALLOWED_ORIGINS}). Sources: the {@code @ConfigurationProperties} records of the app, the keys
 * of application.yaml, the keys {@code EmbeddedServicesPostProcessor} reads itself, and Spring Boot's own
 * configuration metadata (spring.*, server.*, management.*).
 */
final class AppConfigurationKeys {

    /** read with env.getProperty by the post-processor (no record); each must appear in its source */
    static final List<String> POST_PROCESSOR_KEYS =
            List.of("livehall.database-url", "livehall.redis-url", "livehall.data-dir", "livehall.embedded");
    static final Path POST_PROCESSOR_SOURCE =
            Path.of("src/main/java/io/livehall/config/embedded/EmbeddedServicesPostProcessor.java");
    /** read by the JVM or the operating system, not by Spring */
    static final Set<String> PLATFORM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "TZ");

    private final Set<String> keys;

    private AppConfigurationKeys(Set<String> keys) {
        this.keys = Collections.unmodifiableSet(keys);
    }

    static AppConfigurationKeys load() {
        Set<String> keys = new TreeSet<>();
        keys.addAll(recordKeys());
        keys.addAll(applicationYamlKeys());
        keys.addAll(POST_PROCESSOR_KEYS);
        keys.addAll(springBootKeys());
        return new AppConfigurationKeys(keys);
    }

    Set<String> keys() {
        return keys;
    }

    /** {@code PORT} is a placeholder of application.yaml ({@code server.port: ${PORT:8080}}), the rest are keys. */
    boolean isSetting(String environmentVariable) {
        if (PLATFORM_VARIABLES.contains(environmentVariable)) {
            return true;
        }
        if (environmentVariable.equals("PORT")) {
            return applicationYamlText().contains("${PORT:");
        }
        return keys.stream().anyMatch(key -> environmentNames(key).contains(environmentVariable));
    }

    boolean isKey(String property) {
        return keys.contains(property);
    }

    static Set<String> environmentNames(String key) {
        String upper = key.toUpperCase(Locale.ROOT).replace('.', '_');
        return new java.util.HashSet<>(List.of(upper.replace("-", ""), upper.replace('-', '_')));
    }

    static String applicationYamlText() {
        try {
            return Files.readString(Path.of("src/main/resources/application.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> applicationYaml() {
        return new Yaml().load(applicationYamlText());
    }

    private static Set<String> applicationYamlKeys() {
        Set<String> keys = new TreeSet<>();
        flatten("", applicationYaml(), keys);
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, Set<String> keys) {
        map.forEach((k, v) -> {
            String key = prefix.isEmpty() ? k : prefix + "." + k;
            if (v instanceof Map<?, ?> child && !child.isEmpty()) {
                flatten(key, (Map<String, Object>) child, keys);
            } else {
                keys.add(key);
            }
        });
    }

    private static Set<String> recordKeys() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Set<String> keys = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.livehall")) {
            Class<?> type = load(candidate.getBeanClassName());
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            addProperties(prefix, type, keys);
        }
        return keys;
    }

    private static void addProperties(String prefix, Class<?> type, Set<String> keys) {
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                addProperty(prefix, component.getName(), component.getType(), keys);
            }
            return;
        }
        for (Field field : type.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                addProperty(prefix, field.getName(), field.getType(), keys);
            }
        }
    }

    private static void addProperty(String prefix, String name, Class<?> type, Set<String> keys) {
        String key = prefix + "." + kebab(name);
        if (type.getName().startsWith("io.livehall.") && !type.isEnum()) {
            addProperties(key, type, keys);
        } else {
            keys.add(key);
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Set<String> springBootKeys() {
        Set<String> keys = new TreeSet<>();
        JsonMapper json = JsonMapper.builder().build();
        try {
            for (URL url : Collections.list(AppConfigurationKeys.class.getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = url.openStream()) {
                    JsonNode properties = json.readTree(in).path("properties");
                    properties.forEach(p -> keys.add(p.path("name").asString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
