package io.livehall.config.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;

/** PostgreSQL 17 from zonky's binaries, on a free port, persistent in one data directory. */
final class EmbeddedPostgresServer {

    static final String DATABASE = "livehall";
    private static final String ZONKY_LOCK_FILE = "epg-lock";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(Path dataDir, Log log) {
        try {
            stopOrphanIfNoLiveOwner(dataDir, log);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    // zonky turns this off for test speed; a commit told to a user must survive a crash
                    .setServerConfig("synchronous_commit", "on")
                    .setRegisterShutdownHook(true)
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
            server.createDatabaseIfMissing();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDir
                    + " (set LIVEHALL_DATABASE_URL to use an external server)", e);
        }
    }

    /**
     * A crashed JVM leaves its postmaster running and the data directory busy. The zonky lock file is held
     * by a live owner only; if we can take it, any postmaster recorded in the directory is an orphan.
     */
    private static void stopOrphanIfNoLiveOwner(Path dataDir, Log log) throws IOException {
        Path lockFile = dataDir.resolve(ZONKY_LOCK_FILE);
        if (!Files.exists(dataDir.resolve("PG_VERSION")) || !Files.exists(lockFile)) {
            return; // not initialised yet (initdb needs an empty directory) or never started
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("Another Live Hall process is using " + dataDir
                        + "; stop it or set LIVEHALL_DATA_DIR to another directory");
            }
            OrphanedServer.stopIfRunning(dataDir.resolve("postmaster.pid"), "postgres", log);
        }
    }

    int port() {
        return postgres.getPort();
    }

    javax.sql.DataSource dataSource() {
        return postgres.getDatabase("postgres", DATABASE);
    }

    void stop() throws IOException {
        postgres.close();
    }

    DatabaseUrl url() {
        return new DatabaseUrl("localhost", port(), DATABASE, "postgres", null, null);
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("create database " + DATABASE + " encoding 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + DATABASE, e);
        }
    }
}
