package io.livehall.realtime.stomp;

import java.nio.ByteBuffer;
import java.util.List;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompConversionException;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Turns one connection's WebSocket messages into STOMP frames with spring-messaging's {@link StompDecoder}
 * (one shared, stateless instance), keeping only the unfinished tail of a frame split over several
 * messages. Like {@code BufferingStompDecoder}, but holding nothing between whole frames, which is the usual
 * case: an idle connection then carries no decoder state at all.
 */
final class FrameReader {

    private static final StompDecoder DECODER = new StompDecoder();

    private final int maxFrameBytes;
    private ByteBuffer pending;
    private Integer expectedContentLength;

    FrameReader(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    /** The frames completed by {@code bytes}; throws {@link StompConversionException} on malformed input. */
    List<Message<byte[]>> read(ByteBuffer bytes) {
        ByteBuffer input = bytes;
        if (pending != null) {
            if (pending.remaining() + bytes.remaining() > maxFrameBytes) {
                throw new StompConversionException("A frame may have at most " + maxFrameBytes + " bytes");
            }
            input = ByteBuffer.allocate(pending.remaining() + bytes.remaining()).put(pending).put(bytes).flip();
            pending = null;
        }
        if (expectedContentLength != null && input.remaining() < expectedContentLength) {
            pending = input;
            return List.of();
        }
        MultiValueMap<String, String> partialHeaders = new LinkedMultiValueMap<>();
        List<Message<byte[]>> frames = DECODER.decode(input, partialHeaders);
        if (input.hasRemaining()) {
            pending = ByteBuffer.allocate(input.remaining()).put(input).flip();
            expectedContentLength = StompHeaderAccessor.getContentLength(partialHeaders);
        } else {
            expectedContentLength = null;
        }
        return frames;
    }

    /** The content-length announced by the unfinished frame, if any. */
    Integer expectedContentLength() {
        return expectedContentLength;
    }
}
