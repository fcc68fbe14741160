package io.livehall.realtime.stomp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompEncoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Server frames. Control frames go through spring-messaging's {@link StompEncoder}; MESSAGE frames, the hot
 * path, are assembled from a part shared by all subscribers of a message and the per-subscription headers.
 */
final class Frames {

    static final byte[] HEARTBEAT = {'\n'};
    /** not a frame: the outbox's marker for a WebSocket ping (recognised by identity) */
    static final byte[] PING = new byte[0];
    private static final StompEncoder ENCODER = new StompEncoder();

    private Frames() {
    }

    static byte[] connected(String version, long sendInterval, long receiveInterval, String session, String user) {
        StompHeaderAccessor headers = StompHeaderAccessor.create(StompCommand.CONNECTED);
        headers.setVersion(version);
        headers.setHeartbeat(sendInterval, receiveInterval);
        headers.setNativeHeader("server", "livehall/0.1");
        headers.setNativeHeader("session", session);
        headers.setNativeHeader("user-name", user);
        return encode(headers, new byte[0]);
    }

    static byte[] receipt(String receiptId) {
        StompHeaderAccessor headers = StompHeaderAccessor.create(StompCommand.RECEIPT);
        headers.setReceiptId(receiptId);
        return encode(headers, new byte[0]);
    }

    static byte[] error(String message, String detail, String receiptId) {
        StompHeaderAccessor headers = StompHeaderAccessor.create(StompCommand.ERROR);
        message = printable(message);
        detail = detail == null ? null : printable(detail);
        headers.setMessage(message);
        headers.setContentType(org.springframework.util.MimeTypeUtils.TEXT_PLAIN);
        if (receiptId != null) {
            headers.setReceiptId(receiptId);
        }
        return encode(headers, (detail == null ? message : detail).getBytes(StandardCharsets.UTF_8));
    }

    /** ERROR texts may quote what the client sent; control characters (NUL above all) are replaced. */
    static String printable(String text) {
        StringBuilder s = new StringBuilder(Math.min(text.length(), 500));
        text.codePoints().limit(500).forEach(c -> s.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return s.toString();
    }

    private static byte[] encode(StompHeaderAccessor headers, byte[] body) {
        headers.setLeaveMutable(true);
        return ENCODER.encode(MessageBuilder.createMessage(body, headers.getMessageHeaders()));
    }

    /** The part of a MESSAGE frame after {@code subscription} and {@code message-id}, shared by all its subscribers. */
    static byte[] messageTail(String destination, String streamId, byte[] body) {
        return messageTail(destination, streamId, body, Map.of());
    }

    /** The same with extra headers (e.g. {@code receipt-id} on an error about a SEND). */
    static byte[] messageTail(String destination, String streamId, byte[] body, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("destination", destination);
        headers.put("content-type", "application/json");
        if (streamId != null) {
            headers.put("x-stream-id", streamId);
        }
        headers.putAll(extra);
        headers.put("content-length", Integer.toString(body.length));
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 128);
        headers.forEach((name, value) -> writeHeader(out, name, value));
        out.write('\n');
        out.writeBytes(body);
        out.write(0);
        return out.toByteArray();
    }

    static byte[] message(String subscriptionId, long messageId, byte[] tail) {
        byte[] sub = escape(subscriptionId).getBytes(StandardCharsets.UTF_8);
        byte[] id = Long.toString(messageId).getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[MESSAGE_HEAD.length + sub.length + MESSAGE_ID.length + id.length + 1 + tail.length];
        int at = put(frame, 0, MESSAGE_HEAD);
        at = put(frame, at, sub);
        at = put(frame, at, MESSAGE_ID);
        at = put(frame, at, id);
        frame[at++] = '\n';
        put(frame, at, tail);
        return frame;
    }

    private static final byte[] MESSAGE_HEAD = "MESSAGE\nsubscription:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MESSAGE_ID = "\nmessage-id:".getBytes(StandardCharsets.US_ASCII);

    private static int put(byte[] target, int at, byte[] source) {
        System.arraycopy(source, 0, target, at, source.length);
        return at + source.length;
    }

    private static void writeHeader(ByteArrayOutputStream out, String name, String value) {
        out.writeBytes(escape(name).getBytes(StandardCharsets.UTF_8));
        out.write(':');
        out.writeBytes(escape(value).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    /** STOMP 1.2 header escaping. */
    static String escape(String value) {
        if (value.indexOf('\\') < 0 && value.indexOf(':') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        StringBuilder s = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> s.append("\\\\");
                case ':' -> s.append("\\c");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    static List<String> versions() {
        return List.of("1.2", "1.1", "1.0");
    }

    /** The version a CONNECT gets: the highest both sides speak, 1.0 when it names none, null when none is shared. */
    static String negotiatedVersion(org.springframework.messaging.simp.stomp.StompHeaderAccessor headers) {
        java.util.Set<String> accepted = headers.getAcceptVersion();
        if (accepted == null || accepted.isEmpty()) {
            return "1.0";
        }
        return versions().stream().filter(accepted::contains).findFirst().orElse(null);
    }
}
