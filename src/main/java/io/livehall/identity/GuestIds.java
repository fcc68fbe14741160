package io.livehall.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.stereotype.Component;

/**
 * Stable, signed ids for people without an account. The web client gets one once ({@code POST /api/auth/guest}),
 * keeps it, and sends it with every STOMP CONNECT ({@code x-guest} header), so a guest is the same guest across
 * reconnects: likes are rate-limited per guest, and unique viewers count people, not connections.
 * <p>
 * A pass is {@code <id>.<mac>}: 16 random bytes and an HMAC-SHA256 of them (truncated to 16 bytes), base64url. The
 * HMAC key is derived from the JWT signing key, which every instance already shares, so any instance verifies any
 * pass and operators manage no second secret. Passes do not expire: they carry no rights, only an identity.
 */
@Component
public class GuestIds {

    /** A signed guest: {@code id} is {@code guest-<22 characters>}; {@code pass} is what the client keeps. */
    public record GuestPass(String id, String pass) {
    }

    private static final Pattern PASS = Pattern.compile("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{22}");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SecureRandom random = new SecureRandom();
    private final byte[] key;

    GuestIds(RSAKey jwtSigningKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("livehall guest id v1".getBytes(StandardCharsets.US_ASCII));
            sha.update(jwtSigningKey.toRSAPrivateKey().getPrivateExponent().toByteArray());
            this.key = sha.digest();
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("Cannot derive the guest id key", e);
        }
    }

    GuestPass issue() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        String encoded = B64.encodeToString(id);
        return new GuestPass("guest-" + encoded, encoded + "." + B64.encodeToString(mac(id)));
    }

    /** The guest id of a pass this application issued; empty for anything else. */
    public Optional<String> verify(String pass) {
        if (pass == null || !PASS.matcher(pass).matches()) {
            return Optional.empty();
        }
        int dot = pass.indexOf('.');
        byte[] id = B64D.decode(pass.substring(0, dot));
        byte[] given = B64D.decode(pass.substring(dot + 1));
        // only the canonical spelling: the last character of each part has unused bits, and another spelling of the
        // same bytes would be another guest id passing the same check
        boolean canonical = B64.encodeToString(id).equals(pass.substring(0, dot))
                && B64.encodeToString(given).equals(pass.substring(dot + 1));
        return canonical && MessageDigest.isEqual(mac(id), given)
                ? Optional.of("guest-" + pass.substring(0, dot)) : Optional.empty();
    }

    private byte[] mac(byte[] id) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = hmac.doFinal(id);
            byte[] truncated = new byte[16];
            System.arraycopy(full, 0, truncated, 0, 16);
            return truncated;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
