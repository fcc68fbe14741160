package io.livehall.realtime.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.livehall.realtime.RawStompClient;
import io.livehall.realtime.RawStompClient.Frame;

/**
 * A guest subscribed to a room's {@code /topic/live/{id}/viewers}: remembers every count the topic reported.
 * It is a viewer of the room itself, so the counts it reads include it.
 */
final class ViewersWatcher implements AutoCloseable {

    private static final Pattern NOW = Pattern.compile("\"now\":(-?\\d+)");

    private final RawStompClient client;
    private final List<Long> seen = new ArrayList<>();

    private ViewersWatcher(RawStompClient client) {
        this.client = client;
    }

    static ViewersWatcher watch(int port, String room) {
        RawStompClient client = RawStompClient.open(port);
        client.connect(null);
        client.subscribe("viewers", "/topic/live/" + room + "/viewers");
        return new ViewersWatcher(client);
    }

    /** The last count reported so far (-1 before the first); reads what arrived without waiting. */
    synchronized long latest() {
        try {
            for (Frame frame = client.poll(Duration.ZERO); frame != null; frame = client.poll(Duration.ZERO)) {
                assertThat(frame.command()).as("frame on the viewers topic: %s", frame).isEqualTo("MESSAGE");
                Matcher m = NOW.matcher(frame.body());
                assertThat(m.find()).as("viewers payload %s", frame.body()).isTrue();
                seen.add(Long.parseLong(m.group(1)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return seen.isEmpty() ? -1 : seen.get(seen.size() - 1);
    }

    /** Every count reported so far, oldest first. */
    synchronized List<Long> seen() {
        latest();
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        client.close();
    }
}
