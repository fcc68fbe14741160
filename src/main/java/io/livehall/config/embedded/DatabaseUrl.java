package io.livehall.config.embedded;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One PostgreSQL location expressed for both drivers: R2DBC for the application and JDBC for Flyway.
 * Accepts {@code postgresql://user:pass@host:port/db}, {@code postgres://...} or {@code r2dbc:postgresql://...}.
 */
record DatabaseUrl(String host, int port, String database, String username, String password, String query) {

    static DatabaseUrl parse(String url) {
        String withoutPrefix = url.replaceFirst("^(r2dbc:|jdbc:)", "").replaceFirst("^postgres://", "postgresql://");
        if (!withoutPrefix.startsWith("postgresql://")) {
            throw new IllegalArgumentException("Not a PostgreSQL URL (expected postgresql://user:pass@host:port/db): " + url);
        }
        URI uri = URI.create(withoutPrefix);
        String user = null;
        String password = null;
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = parts[0];
            password = parts.length > 1 ? parts[1] : null;
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new DatabaseUrl(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
                path.isEmpty() ? "postgres" : path, user, password, uri.getQuery());
    }

    static DatabaseUrl fromR2dbc(String r2dbcUrl, String username, String password) {
        DatabaseUrl parsed = parse(r2dbcUrl);
        return new DatabaseUrl(parsed.host, parsed.port, parsed.database,
                username != null ? username : parsed.username,
                password != null ? password : parsed.password, parsed.query);
    }

    String r2dbcUrl() {
        return "r2dbc:postgresql://" + host + ":" + port + "/" + database + (query == null ? "" : "?" + query);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + (query == null ? "" : "?" + query);
    }

    Map<String, Object> springProperties() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.r2dbc.url", r2dbcUrl());
        putIfPresent(props, "spring.r2dbc.username", username);
        putIfPresent(props, "spring.r2dbc.password", password);
        props.putAll(flywayProperties());
        return props;
    }

    Map<String, Object> flywayProperties() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.flyway.url", jdbcUrl());
        putIfPresent(props, "spring.flyway.user", username);
        putIfPresent(props, "spring.flyway.password", password);
        return props;
    }

    private static void putIfPresent(Map<String, Object> props, String key, String value) {
        if (value != null) {
            props.put(key, value);
        }
    }
}
