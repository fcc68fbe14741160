package io.livehall.dashboard;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a dashboard shows: {@code showcase} (every merchant's live rooms), {@code merchant-<merchantId>} (one showcase
 * merchant's), {@code training-<seriesId>}, {@code fair-<fairId>}, {@code platform} (everything) or {@code mine} (the
 * caller's: the showcase and every series and fair they organise). {@code id} is the merchant's, series' or fair's id
 * (0 for the others). A topic is shared by all its
 * subscribers, so an organiser's {@code mine} has its own name on the topic, {@code mine-<userId>}; plain {@code mine}
 * is the caller's own on REST and the admins' (everything) on the topic.
 */
record Scope(Kind kind, long id) {

    enum Kind { SHOWCASE, MERCHANT, TRAINING, FAIR, PLATFORM, MINE }

    private static final Pattern EVENT = Pattern.compile("(merchant|training|fair|mine)-([1-9][0-9]{0,17})");

    static Optional<Scope> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        switch (text) {
            case "showcase":
                return Optional.of(new Scope(Kind.SHOWCASE, 0));
            case "platform":
                return Optional.of(new Scope(Kind.PLATFORM, 0));
            case "mine":
                return Optional.of(new Scope(Kind.MINE, 0));
            default:
                Matcher m = EVENT.matcher(text);
                if (!m.matches()) {
                    return Optional.empty();
                }
                Kind kind = switch (m.group(1)) {
                    case "fair" -> Kind.FAIR;
                    case "merchant" -> Kind.MERCHANT;
                    case "mine" -> Kind.MINE;
                    default -> Kind.TRAINING;
                };
                return Optional.of(new Scope(kind, Long.parseLong(m.group(2))));
        }
    }

    static Scope training(long seriesId) {
        return new Scope(Kind.TRAINING, seriesId);
    }

    static Scope merchant(long merchantId) {
        return new Scope(Kind.MERCHANT, merchantId);
    }

    static Scope fair(long fairId) {
        return new Scope(Kind.FAIR, fairId);
    }

    /** Its name in paths, topics and Redis ({@code fair-3}). */
    String name() {
        return switch (kind) {
            case SHOWCASE -> "showcase";
            case PLATFORM -> "platform";
            case MINE -> id == 0 ? "mine" : "mine-" + id;
            case MERCHANT -> "merchant-" + id;
            case TRAINING -> "training-" + id;
            case FAIR -> "fair-" + id;
        };
    }
}
