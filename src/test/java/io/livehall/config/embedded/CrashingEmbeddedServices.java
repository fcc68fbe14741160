package io.livehall.config.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import org.apache.commons.logging.LogFactory;

/** Run in a child JVM by {@link EmbeddedServicesRestartTest}: starts both servers, writes a row, then waits to be killed. */
public final class CrashingEmbeddedServices {

    private CrashingEmbeddedServices() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"),
                LogFactory.getLog(CrashingEmbeddedServices.class));
        EmbeddedRedisServer redis = EmbeddedRedisServer.start(dataDir.resolve("redis"),
                LogFactory.getLog(CrashingEmbeddedServices.class));
        try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table survivor (note text)");
            s.execute("insert into survivor values ('written before the crash')");
        }
        System.out.println("READY " + postgres.port() + " " + redis.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
