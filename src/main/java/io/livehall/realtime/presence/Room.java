package io.livehall.realtime.presence;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A place people watch together: {@code live:12}, {@code training:3}, {@code fair:7}. */
record Room(String type, String id) {

    private static final Pattern TOPIC = Pattern.compile("^/topic/(live|training|fair)/([A-Za-z0-9_-]{1,64})/");

    /** The room a topic belongs to: any {@code /topic/live/{id}/...} destination is in room {@code live:{id}}. */
    static Optional<Room> of(String destination) {
        Matcher m = TOPIC.matcher(destination);
        return m.find() ? Optional.of(new Room(m.group(1), m.group(2))) : Optional.empty();
    }

    static Room parse(String key) {
        int colon = key.indexOf(':');
        return new Room(key.substring(0, colon), key.substring(colon + 1));
    }

    String key() {
        return type + ":" + id;
    }

    String viewersTopic() {
        return "/topic/" + type + "/" + id + "/viewers";
    }
}
