package io.livehall.common.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The address a request came from, for rate limits and lockouts. It is the socket's peer address, unless that peer is
 * one of {@code livehall.http.trusted-proxies}: then {@code X-Forwarded-For} is read from the right (the entry the
 * nearest proxy appended) past every trusted proxy, and the first address that is not one is the client. Entries left
 * of it are whatever the client sent and are never used, so a client cannot get fresh counters by rotating the header;
 * and without trusted proxies the header is ignored altogether.
 * <p>
 * Only IP literals are accepted from the header (nothing is resolved: no DNS lookup on an event-loop thread).
 */
@Component
public class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** An address range: the first {@code bits} bits of {@code address}. */
    private record Range(byte[] address, int bits) {
        boolean contains(InetAddress candidate) {
            byte[] other = candidate.getAddress();
            if (other.length != address.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (other[i] != address[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (other[full] & mask) == (address[full] & mask);
        }
    }

    private final List<Range> trusted;

    @Autowired
    ClientAddress(HttpSettings settings) {
        this(settings.trustedProxies() == null ? List.of() : settings.trustedProxies());
    }

    ClientAddress(List<String> trustedProxies) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : trustedProxies) {
            if (!entry.isBlank()) {
                ranges.add(parseRange(entry.strip()));
            }
        }
        this.trusted = List.copyOf(ranges);
    }

    /** The client's address as text ({@code unknown} if the socket has none). */
    public String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        if (peer == null) {
            return "unknown";
        }
        if (!isTrusted(peer)) {
            return peer.getHostAddress();
        }
        List<String> forwarded = request.getHeaders().getValuesAsList("X-Forwarded-For");
        InetAddress client = peer;
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(forwarded.get(i).strip());
            if (hop == null) {
                break; // not an address: nothing left of it can be believed
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    /**
     * The key to count an address under: IPv4 addresses as they are, IPv6 addresses by their /64 network (one
     * subscriber usually holds a whole /64 and can pick any address in it).
     */
    public static String rateLimitKey(String address) {
        InetAddress parsed = literal(address);
        if (parsed == null || parsed.getAddress().length == 4) {
            return address;
        }
        byte[] bytes = parsed.getAddress();
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            key.append(Integer.toHexString(((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF))).append(':');
        }
        return key.append(":/64").toString();
    }

    private boolean isTrusted(InetAddress address) {
        for (Range range : trusted) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** An IP literal, or null if the text is not one (never resolved through DNS). */
    static InetAddress literal(String text) {
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        try {
            if (IPV4.matcher(text).matches()) {
                String[] parts = text.split("\\.");
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int value = Integer.parseInt(parts[i]);
                    if (value > 255) {
                        return null;
                    }
                    bytes[i] = (byte) value;
                }
                return InetAddress.getByAddress(bytes);
            }
            // with a colon, the JDK parses an IPv6 literal or refuses it; it never looks such a name up
            return IPV6.matcher(text).matches() ? InetAddress.getByName(text) : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static Range parseRange(String entry) {
        int slash = entry.indexOf('/');
        InetAddress address = literal(slash < 0 ? entry : entry.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("livehall.http.trusted-proxies: not an IP address or CIDR range: " + entry);
        }
        int max = address.getAddress().length * 8;
        int bits = slash < 0 ? max : Integer.parseInt(entry.substring(slash + 1));
        if (bits < 0 || bits > max) {
            throw new IllegalArgumentException("livehall.http.trusted-proxies: bad prefix length in " + entry);
        }
        return new Range(address.getAddress(), bits);
    }
}
