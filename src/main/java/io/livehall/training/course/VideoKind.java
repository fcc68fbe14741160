package io.livehall.training.course;

import java.net.URI;
import java.util.Locale;

import io.livehall.common.stream.StreamKind;

/** How the course player plays a lesson: HLS (the shared stream rule of {@link StreamKind}) or an MP4 file. */
enum VideoKind {
    HLS, MP4;

    /** The kind of an accepted lesson address (LessonRequest allows only these two). */
    static VideoKind of(String url) {
        if (StreamKind.of(url) == StreamKind.HLS) {
            return HLS;
        }
        String path;
        try {
            path = URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            return MP4;
        }
        return path != null && path.toLowerCase(Locale.ROOT).endsWith(".m3u8") ? HLS : MP4;
    }
}
