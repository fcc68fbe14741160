package io.livehall.realtime.stomp;

import java.nio.ByteBuffer;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
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

    /** ERROR {@code message} for a frame that does not parse (StompDecoder looks commands up with valueOf). */
    static final String MALFORMED = "帧格式错误";
    static final String UNKNOWN_COMMAND = "不支持的命令";
    private static final Log log = LogFactory.getLog(FrameReader.class);
    private static final StompDecoder DECODER = new StompDecoder();

    /** The frames a message completed, or why the connection must end (ERROR then close). */
    record Decoded(List<Message<byte[]>> frames, StompRefusal refusal) {
    }

    private final int maxFrameBytes;
    private ByteBuffer pending;
    private Integer expectedContentLength;

    FrameReader(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * The frames completed by one WebSocket message of connection {@code connection}, or the refusal to send: a frame
     * over the limit (by its size or its announced content-length), an unknown command, malformed input. The
     * decoder's own text names classes and echoes the input: it is logged, the client gets a fixed one.
     */
    Decoded decode(ByteBuffer bytes, String connection) {
        if (bytes.remaining() > maxFrameBytes) {
            return refused("Frame too large", "A frame may have at most " + maxFrameBytes + " bytes");
        }
        List<Message<byte[]>> frames;
        try {
            frames = read(bytes);
        } catch (RuntimeException e) {
            log.debug("Undecodable frame on connection " + connection, e);
            if (e instanceof IllegalArgumentException && !(e instanceof NumberFormatException)) {
                return refused(UNKNOWN_COMMAND, "仅支持 STOMP 1.2 的 CONNECT、STOMP、SUBSCRIBE、UNSUBSCRIBE、SEND、DISCONNECT");
            }
            return refused(MALFORMED, "无法解析该 STOMP 帧（命令行、头部或正文格式错误）");
        }
        if (expectedContentLength != null && expectedContentLength > maxFrameBytes) {
            return refused("Frame too large", "content-length " + expectedContentLength + " exceeds " + maxFrameBytes);
        }
        return new Decoded(frames, null);
    }

    private static Decoded refused(String message, String detail) {
        return new Decoded(List.of(), new StompRefusal(message, detail));
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
