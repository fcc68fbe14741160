package io.livehall.realtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test STOMP client that writes plain frames on a raw WebSocket (JDK HttpClient), to test the server
 * byte for byte. Received frames are queued; heart-beat EOLs are counted separately.
 */
public final class RawStompClient implements WebSocket.Listener, AutoCloseable {

    public record Frame(String command, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile int heartbeats;
    private volatile int pings;
    private WebSocket socket;

    /** One HTTP client for all test connections (each HttpClient has its own selector thread). */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static RawStompClient open(int port, String origin) {
        return open(port, origin, "v12.stomp", "v11.stomp", "v10.stomp");
    }

    /** A connection offering exactly these subprotocols (none: no Sec-WebSocket-Protocol header). */
    public static RawStompClient open(int port, String origin, String... subprotocols) {
        RawStompClient client = new RawStompClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder();
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        try {
            client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), client)
                    .get(15, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new java.util.concurrent.CompletionException(e.getCause());
        } catch (java.util.concurrent.TimeoutException | InterruptedException e) {
            throw new AssertionError("WebSocket handshake with port " + port + " did not finish in 15 s", e);
        }
        return client;
    }

    public static RawStompClient open(int port) {
        return open(port, null);
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    public RawStompClient send(String frame) {
        socket.sendText(frame, true).join();
        return this;
    }

    /** Sends a frame built from a command, header pairs and a body (NUL appended). */
    public RawStompClient send(String command, String body, String... headerPairs) {
        StringBuilder f = new StringBuilder(command).append('\n');
        for (int i = 0; i < headerPairs.length; i += 2) {
            f.append(headerPairs[i]).append(':').append(headerPairs[i + 1]).append('\n');
        }
        return send(f.append('\n').append(body == null ? "" : body).append('\0').toString());
    }

    public Frame connect(String token) {
        if (token == null) {
            send("CONNECT", null, "accept-version", "1.2", "host", "livehall", "heart-beat", "0,0");
        } else {
            send("CONNECT", null, "accept-version", "1.2", "host", "livehall", "heart-beat", "0,0",
                    "Authorization", "Bearer " + token);
        }
        return expect("CONNECTED");
    }

    /** CONNECT as a guest with a signed guest id (see {@code IntegrationTest.guestPass()}). */
    public Frame connectAsGuest(String pass) {
        send("CONNECT", null, "accept-version", "1.2", "host", "livehall", "heart-beat", "0,0", "x-guest", pass);
        return expect("CONNECTED");
    }

    /** Subscribes with a receipt and waits for it (any MESSAGE that arrives first, e.g. a current value, is skipped). */
    public RawStompClient subscribe(String id, String destination) {
        send("SUBSCRIBE", null, "id", id, "destination", destination, "receipt", "sub-" + id);
        Frame frame = next();
        while (!frame.command().equals("RECEIPT")) {
            frame = next();
        }
        return this;
    }

    public Frame next() {
        try {
            Frame frame = frames.poll(10, TimeUnit.SECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within 10 s");
            }
            return frame;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public Frame poll(Duration wait) throws InterruptedException {
        return frames.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Frame expect(String command) {
        Frame frame = next();
        if (!frame.command().equals(command)) {
            throw new AssertionError("expected " + command + " but got " + frame);
        }
        return frame;
    }

    /** The close code once the server closed the connection. */
    public int awaitClose() {
        return closed.orTimeout(15, TimeUnit.SECONDS).join();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    public int heartbeats() {
        return heartbeats;
    }

    /** WebSocket pings received (each answered with a pong by the JDK while the client reads). */
    public int pings() {
        return pings;
    }

    /** Stops reading from the socket: the client becomes a slow consumer. */
    public void stopReading() {
        reading = false;
    }

    /** Reads again after {@link #stopReading()}. */
    public void resumeReading() {
        reading = true;
        socket.request(1);
    }

    private volatile boolean reading = true;

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
        pings++;
        if (reading) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        synchronized (partial) {
            partial.append(data);
            int nul;
            while ((nul = partial.indexOf("\0")) >= 0) {
                String raw = partial.substring(0, nul);
                partial.delete(0, nul + 1);
                try {
                    parse(raw);
                } catch (RuntimeException e) {
                    frames.add(new Frame("UNPARSEABLE", Map.of(), raw));
                }
            }
            while (partial.length() > 0 && (partial.charAt(0) == '\n' || partial.charAt(0) == '\r')) {
                heartbeats++;
                partial.deleteCharAt(0);
            }
        }
        if (reading) {
            webSocket.request(1);
        }
        return null;
    }

    private void parse(String raw) {
        while (raw.startsWith("\n") || raw.startsWith("\r\n")) {
            heartbeats++;
            raw = raw.substring(raw.indexOf('\n') + 1);
        }
        int end = raw.indexOf("\n\n");
        String head = end < 0 ? raw : raw.substring(0, end);
        String body = end < 0 ? "" : raw.substring(end + 2);
        String[] lines = head.split("\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.putIfAbsent(unescape(lines[i].substring(0, colon)), unescape(lines[i].substring(colon + 1)));
        }
        frames.add(new Frame(lines[0], headers, body));
    }

    /** STOMP 1.2 header unescaping. */
    static String unescape(String value) {
        StringBuilder s = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char n = value.charAt(++i);
                s.append(switch (n) {
                    case 'c' -> ':';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        this.error = error;
        closed.complete(-1);
    }

    private volatile Throwable error;

    /** Why the connection failed, when {@link #awaitClose()} answered -1. */
    public Throwable error() {
        return error;
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.abort();
        }
    }
}
