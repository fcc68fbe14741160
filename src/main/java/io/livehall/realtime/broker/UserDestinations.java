package io.livehall.realtime.broker;

import java.util.regex.Pattern;

/**
 * A client subscribes to {@code /user/queue/notifications}; internally that is the destination
 * {@code /user/<userId>/queue/notifications}, so only that user's connections (on any instance) receive it.
 */
public final class UserDestinations {

    private static final Pattern CLIENT_FORM = Pattern.compile("^/user/queue/[a-z][a-z0-9-]{0,31}$");

    private UserDestinations() {
    }

    public static boolean isClientForm(String destination) {
        return destination != null && CLIENT_FORM.matcher(destination).matches();
    }

    /** {@code /user/queue/x} of this user → {@code /user/<id>/queue/x}. */
    public static String resolve(String clientDestination, String userId) {
        return "/user/" + userId + clientDestination.substring("/user".length());
    }

    static boolean isUserDestination(String destination) {
        return destination.startsWith("/user/");
    }
}
