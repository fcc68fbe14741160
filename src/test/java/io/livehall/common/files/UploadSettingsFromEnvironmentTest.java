package io.livehall.common.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.livehall.EnvironmentBinding;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class UploadSettingsFromEnvironmentTest {

    @Test
    void bindsFromTheEnvironmentWithDefaults() {
        assertThat(EnvironmentBinding.bind("livehall.uploads", UploadSettings.class, Map.of(
                "LIVEHALL_UPLOADS_QUOTA_FILES", "50",
                "LIVEHALL_UPLOADS_QUOTA_BYTES", "1GB",
                "LIVEHALL_UPLOADS_RATE_LIMIT", "5")))
                .isEqualTo(new UploadSettings(50, DataSize.ofGigabytes(1), Duration.ofDays(1), 5, Duration.ofMinutes(1)));
    }

    @Test
    void describesWindowsInChinese() {
        assertThat(UploadLimits.describe(Duration.ofDays(1))).isEqualTo("每天");
        assertThat(UploadLimits.describe(Duration.ofMinutes(1))).isEqualTo("每分钟");
        assertThat(UploadLimits.describe(Duration.ofHours(12))).isEqualTo("每 12 小时");
        assertThat(UploadLimits.describe(Duration.ofSeconds(30))).isEqualTo("每 30 秒");
    }
}
