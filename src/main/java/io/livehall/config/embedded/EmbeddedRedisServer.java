package io.livehall.config.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.logging.Log;
import redis.embedded.RedisServer;

/**
 * Redis 6.2 from embedded-redis on a free port. Redis holds only caches, presence and buffers
 * (PostgreSQL is the truth), so an append-only file is kept for convenience, not for safety.
 */
final class EmbeddedRedisServer {

    private final RedisServer redis;
    private final int port;

    private EmbeddedRedisServer(RedisServer redis, int port) {
        this.redis = redis;
        this.port = port;
    }

    static EmbeddedRedisServer start(Path dataDir, Log log) {
        try {
            Files.createDirectories(dataDir);
            Path pidFile = dataDir.resolve("redis.pid");
            OrphanedServer.stopIfRunning(pidFile, "redis-server", log);
            int port = freePort();
            RedisServer redis = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("dir " + dataDir)
                    .setting("pidfile " + pidFile)
                    .setting("appendonly yes")
                    .setting("save \"\"")
                    .setting("maxmemory-policy noeviction")
                    .build();
            redis.start();
            EmbeddedRedisServer server = new EmbeddedRedisServer(redis, port);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-redis-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded Redis (set LIVEHALL_REDIS_URL to use an external server)", e);
        }
    }

    int port() {
        return port;
    }

    void stop() {
        try {
            redis.stop();
        } catch (IOException e) {
            // the JVM is going down; nothing left to tell
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
