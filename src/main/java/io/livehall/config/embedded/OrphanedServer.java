package io.livehall.config.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;

/**
 * A database or cache server left running by an earlier run that crashed (killed JVM): its pid file
 * names a live process of the expected program. Stopping it lets the next start reuse the data directory.
 */
final class OrphanedServer {

    private OrphanedServer() {
    }

    /** Stops the process named in {@code pidFile} if it is alive and its command contains {@code program}. */
    static void stopIfRunning(Path pidFile, String program, Log log) {
        readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains(program)).orElse(true))
                .ifPresent(process -> stop(process, program, log));
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void stop(ProcessHandle process, String program, Log log) {
        log.warn("Found " + program + " (pid " + process.pid() + ") left running by an earlier run; stopping it");
        process.destroy();
        if (!waitForExit(process, Duration.ofSeconds(30))) {
            process.destroyForcibly();
            waitForExit(process, Duration.ofSeconds(10));
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return !process.isAlive();
        }
    }
}
