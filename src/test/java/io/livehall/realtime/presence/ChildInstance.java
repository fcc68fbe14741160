package io.livehall.realtime.presence;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.livehall.LiveHallApplication;
import org.awaitility.Awaitility;
import org.springframework.core.env.Environment;

/**
 * Another Live Hall instance in a child JVM (the test classpath, {@link LiveHallApplication}) sharing the
 * test application's PostgreSQL, Redis and JWT key, so that it can be killed like a crashed pod.
 * Its output goes to {@code target/<name>.log}.
 */
public final class ChildInstance implements AutoCloseable {

    /** What the child must share with the test application (set explicitly: the test's may be embedded). */
    private static final List<String> SHARED = List.of("spring.r2dbc.url", "spring.r2dbc.username",
            "spring.r2dbc.password", "spring.flyway.url", "spring.flyway.user", "spring.flyway.password",
            "spring.data.redis.url", "livehall.data-dir");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private ChildInstance(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the child and waits until it answers ready (its first start may take a while on a busy machine). */
    public static ChildInstance start(String name, Environment shared) throws IOException {
        int port = freePort();
        Path log = Path.of("target", name + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                LiveHallApplication.class.getName(), "--server.port=" + port, "--spring.jmx.enabled=false",
                "--springdoc.pre-loading-enabled=false"));
        for (String key : SHARED) {
            String value = shared.getProperty(key);
            if (value != null && !value.isBlank()) {
                command.add("--" + key + "=" + value);
            }
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        ChildInstance child = new ChildInstance(process, port, log);
        try {
            Awaitility.await("child instance ready on port " + port).atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(250)).until(child::ready);
        } catch (RuntimeException | Error e) {
            child.close();
            throw e;
        }
        return child;
    }

    public int port() {
        return port;
    }

    /** SIGKILL: no shutdown hook, no graceful close, nothing told to Redis. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("child JVM still running after SIGKILL");
        }
    }

    private boolean ready() throws IOException {
        if (!process.isAlive()) {
            throw new AssertionError("child instance exited with " + process.exitValue() + ":\n" + tail());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
