package io.livehall;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import redis.embedded.RedisServer;

/**
 * A redis-server of a test's own on a fixed port (16300–16399: the range these outage tests may use), which the test
 * stops and starts again to play a Redis outage; never the machine's shared Redis. It keeps nothing on disk, so a
 * restart comes back empty, as a Redis without persistence (infra/compose.yaml) does after a crash.
 */
public final class ThrowawayRedis implements AutoCloseable {

    private final int port;
    private final Path dir;
    private RedisServer server;

    private ThrowawayRedis(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    public static ThrowawayRedis start(int port) throws Exception {
        ThrowawayRedis redis = new ThrowawayRedis(port, Files.createTempDirectory("throwaway-redis"));
        redis.startAgain();
        return redis;
    }

    /**
     * On a port free now, outside that range: for a test that may run on the same machine as another checkout's
     * (a fixed port would clash). Restarting it assumes nobody takes the port in between.
     */
    public static ThrowawayRedis startOnFreePort() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return start(port);
    }

    public int port() {
        return port;
    }

    /** The URL an instance connects with ({@code spring.data.redis.url}). */
    public String url() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    /** Stops the server: connections are closed, new ones refused. */
    public synchronized void stop() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Starts an empty server on the same port. */
    public synchronized void startAgain() throws Exception {
        server = RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("dir " + dir)
                .setting("save \"\"").setting("appendonly no").build();
        server.start();
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
