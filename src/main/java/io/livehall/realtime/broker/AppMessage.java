package io.livehall.realtime.broker;

import java.util.Map;

/** A client's SEND to {@code /app/...}: who sent it, the path variables of the matched route, the JSON body. */
public record AppMessage(RealtimeUser user, String destination, Map<String, String> variables, String body) {

    public String variable(String name) {
        return variables.get(name);
    }
}
