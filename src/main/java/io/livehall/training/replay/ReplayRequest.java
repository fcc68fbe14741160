package io.livehall.training.replay;

import java.util.List;

import io.livehall.common.text.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A session's replay as the organiser sets it: either {@code url} (an https HLS playlist or MP4 file elsewhere) or
 * {@code fileId} (an MP4 the organiser uploaded with purpose VIDEO), and up to 50 chapters with strictly increasing
 * starts (the first may be at 0). That exactly one source is given, its kind and the chapters' order are checked by
 * {@link ReplayService}, all problems together.
 */
record ReplayRequest(
        @Size(max = 500, message = "回放地址最长 500 个字符") @PlainText
        @Pattern(regexp = URL, message = "回放地址需为 https:// 开头的完整网址") String url,
        @Positive(message = "回放视频无效") Long fileId,
        @Size(max = MAX_CHAPTERS, message = "最多 50 个章节")
        List<@NotNull(message = "章节不能为空") @Valid ChapterRequest> chapters) {

    static final int MAX_CHAPTERS = 50;
    static final int MAX_SECONDS = 86_400;

    /**
     * https, a host (optionally with a port), then any path/query without spaces; no user-info. A path on the
     * platform's own host (the demo replay) passes here and is kept only when unchanged ({@link ReplayService}).
     */
    static final String URL = "^(https://[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#][^\\s]*)?|/[^/\\s]\\S*)$";

    List<ChapterRequest> chapterList() {
        return chapters == null ? List.of() : chapters;
    }
}
