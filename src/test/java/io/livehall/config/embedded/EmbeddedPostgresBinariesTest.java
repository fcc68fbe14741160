package io.livehall.config.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * The build picks the embedded PostgreSQL binaries of the machine it runs on (pom.xml, one profile per platform:
 * Linux x86-64 and arm64, macOS x86-64 and arm64): exactly that archive is on the classpath, as zonky's resolver looks
 * it up ({@code postgres-<os>-<arch>.txz}), and no other platform's.
 */
class EmbeddedPostgresBinariesTest {

    private static final List<String> ALL = List.of("postgres-linux-x86_64.txz", "postgres-linux-arm_64.txz",
            "postgres-darwin-x86_64.txz", "postgres-darwin-arm_64.txz");

    @Test
    void theClasspathHoldsThisPlatformsBinariesAndNoOthers() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("mac") ? "darwin" : "linux";
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> System.getProperty("os.arch");
        };
        String mine = "postgres-" + os + "-" + arch + ".txz";
        ClassLoader loader = getClass().getClassLoader();

        assertThat(loader.getResource(mine)).as(mine).isNotNull();
        for (String other : ALL) {
            if (!other.equals(mine)) {
                assertThat(loader.getResource(other)).as(other + " (another platform's, only weight in the jar)").isNull();
            }
        }
    }
}
