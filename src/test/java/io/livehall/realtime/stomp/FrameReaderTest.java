package io.livehall.realtime.stomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompConversionException;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;

class FrameReaderTest {

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String destination(Message<byte[]> frame) {
        return StompHeaderAccessor.wrap(frame).getDestination();
    }

    @Test
    void readsSeveralWholeFramesFromOneMessage() {
        FrameReader reader = new FrameReader(1024);
        List<Message<byte[]>> frames = reader.read(bytes("SEND\ndestination:/a\n\nx\0SEND\ndestination:/b\n\ny\0"));
        assertThat(frames).extracting(FrameReaderTest::destination).containsExactly("/a", "/b");
        assertThat(reader.expectedContentLength()).isNull();
    }

    @Test
    void joinsAFrameSplitAtEveryPossibleByte() {
        String frame = "SEND\ndestination:/topic/x\ncontent-length:5\n\nhe\0lo\0";
        for (int cut = 1; cut < frame.length(); cut++) {
            FrameReader reader = new FrameReader(1024);
            List<Message<byte[]>> frames = new ArrayList<>(reader.read(bytes(frame.substring(0, cut))));
            frames.addAll(reader.read(bytes(frame.substring(cut))));
            assertThat(frames).as("cut at %d", cut).hasSize(1);
            assertThat(frames.get(0).getPayload()).isEqualTo("he\0lo".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void waitsForAnAnnouncedBodyAndReportsItsLength() {
        FrameReader reader = new FrameReader(1024);
        assertThat(reader.read(bytes("SEND\ndestination:/a\ncontent-length:10\n\n0123"))).isEmpty();
        assertThat(reader.expectedContentLength()).isEqualTo(10);
        assertThat(reader.read(bytes("456789\0"))).hasSize(1);
        assertThat(reader.expectedContentLength()).isNull();
    }

    @Test
    void refusesAnUnfinishedFrameThatGrowsPastTheLimit() {
        FrameReader reader = new FrameReader(64);
        assertThat(reader.read(bytes("SEND\ndestination:/a\n\n" + "x".repeat(30)))).isEmpty();
        assertThatThrownBy(() -> reader.read(bytes("y".repeat(40)))).isInstanceOf(StompConversionException.class);
    }
}
