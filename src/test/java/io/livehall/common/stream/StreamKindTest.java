package io.livehall.common.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamKindTest {

    @Test
    void theKindComesFromThePathOfAnAbsoluteUrlOrOfAPathOnThisHost() {
        assertThat(StreamKind.of("https://cdn.example.com/live/tea.m3u8?token=1")).isEqualTo(StreamKind.HLS);
        assertThat(StreamKind.of("/demo/stream/live.m3u8")).isEqualTo(StreamKind.HLS);
        assertThat(StreamKind.of("https://cdn.example.com/live/tea.FLV")).isEqualTo(StreamKind.FLV);
        assertThat(StreamKind.of("webrtc://cdn.example.com/live/tea")).isEqualTo(StreamKind.WEBRTC);
        assertThat(StreamKind.of("https://cdn.example.com/live/tea")).isEqualTo(StreamKind.OTHER);
        assertThat(StreamKind.of("https://a b.com/x.m3u8")).isEqualTo(StreamKind.OTHER);
    }
}
