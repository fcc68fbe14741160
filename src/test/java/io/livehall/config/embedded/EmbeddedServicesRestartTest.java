package io.livehall.config.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM killed with SIGKILL leaves its embedded PostgreSQL and Redis running. The next start on the same
 * data directory must stop those orphans, start again, and still have the data.
 */
class EmbeddedServicesRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void startsAgainAfterACrashAndKeepsTheData() throws Exception {
        Process crashed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingEmbeddedServices.class.getName(),
                dataDir.toString())
                .redirectErrorStream(true)
                .start();
        String ready = awaitReady(crashed);
        int oldRedisPort = Integer.parseInt(ready.split(" ")[2]);
        crashed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid"))).as("postmaster left behind").isTrue();
        assertThat(listening(oldRedisPort)).as("redis left behind").isTrue();

        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"),
                LogFactory.getLog(getClass()));
        EmbeddedRedisServer redis = EmbeddedRedisServer.start(dataDir.resolve("redis"), LogFactory.getLog(getClass()));
        try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select note from survivor")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("written before the crash");
            assertThat(listening(oldRedisPort)).as("orphaned redis stopped").isFalse();
            assertThat(listening(redis.port())).isTrue();
        } finally {
            redis.stop();
            postgres.stop();
        }
    }

    private static String awaitReady(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("READY ")) {
                return line;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("child JVM ended before starting the servers:\n" + seen);
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
