package io.livehall.common.files;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code livehall.uploads.*}: how much each user may upload through {@code POST /api/files} (env:
 * {@code LIVEHALL_UPLOADS_QUOTA_FILES}, {@code LIVEHALL_UPLOADS_RATE_LIMIT}, ...). See {@link UploadLimits}.
 *
 * @param quotaFiles  files stored per user per {@code quotaWindow}
 * @param quotaBytes  bytes stored per user per {@code quotaWindow}
 * @param quotaWindow the quota's window, starting with the user's first stored upload in it
 * @param rateLimit   upload attempts per user per {@code rateWindow} (stored or not)
 * @param rateWindow  the rate limit's window
 */
@ConfigurationProperties("livehall.uploads")
record UploadSettings(@DefaultValue("200") int quotaFiles,
                      @DefaultValue("200MB") DataSize quotaBytes,
                      @DefaultValue("1d") Duration quotaWindow,
                      @DefaultValue("20") int rateLimit,
                      @DefaultValue("1m") Duration rateWindow) {
}
