package io.livehall.showcase.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.ClassPathResource;

/**
 * The demo loop's MPEG-TS segments ({@code demo/stream/seg-<k>.ts}, made by {@code infra/demo-stream/make.sh}),
 * read once into memory when the application starts (about 120 KB), so serving one never touches a file.
 */
final class DemoStreamSegments {

    private final List<byte[]> segments;

    private DemoStreamSegments(List<byte[]> segments) {
        this.segments = segments;
    }

    static DemoStreamSegments load(String location, int count) {
        List<byte[]> loaded = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            String path = location + "/" + DemoStreamPlaylist.segmentName(k);
            try {
                loaded.add(new ClassPathResource(path).getContentAsByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException("Demo stream segment missing: classpath:" + path, e);
            }
        }
        return new DemoStreamSegments(List.copyOf(loaded));
    }

    /** Segment {@code k}, or null when there is none. */
    byte[] get(int k) {
        return k >= 0 && k < segments.size() ? segments.get(k) : null;
    }
}
