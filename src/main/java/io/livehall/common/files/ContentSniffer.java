package io.livehall.common.files;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The real type of an upload, from its first bytes (the client's Content-Type is not trusted). */
final class ContentSniffer {

    private ContentSniffer() {
    }

    static Optional<String> detect(byte[] b) {
        if (startsWith(b, 0, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("application/pdf");
        }
        if (startsWith(b, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Optional.of("image/png");
        }
        if (startsWith(b, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(b, 0, "RIFF".getBytes(StandardCharsets.US_ASCII))
                && startsWith(b, 8, "WEBP".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("image/webp");
        }
        // ISO base media (MP4): the first box is "ftyp" (size, then the type at byte 4), with an MP4 brand
        if (startsWith(b, 4, "ftyp".getBytes(StandardCharsets.US_ASCII)) && b.length >= 12 && mp4Brand(b)) {
            return Optional.of("video/mp4");
        }
        return Optional.empty();
    }

    /** The major brand of an ftyp box that browsers play as MP4 (not QuickTime "qt  " or HEIF images). */
    private static boolean mp4Brand(byte[] b) {
        String brand = new String(b, 8, 4, StandardCharsets.US_ASCII);
        return brand.startsWith("iso") || brand.startsWith("mp4") || brand.equals("avc1") || brand.equals("M4V ")
                || brand.equals("dash");
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        return bytes.length >= at + prefix.length
                && Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
    }
}
