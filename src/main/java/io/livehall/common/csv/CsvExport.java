package io.livehall.common.csv;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Flux;

/**
 * Every CSV download of the platform (orders, registrations, attendance, fair KPIs), shaped for Excel as users open
 * it: UTF-8 with a byte-order mark, CRLF lines, times in Asia/Shanghai, streamed row by row, never cached. A cell that a
 * spreadsheet would run as a formula ({@code = + - @}, tab, CR) gets a leading {@code '} unless it is a plain number.
 */
public final class CsvExport {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(SHANGHAI);
    private static final String BOM = "\uFEFF";

    private CsvExport() {
    }

    /** The download: header line, then one line per row, as an attachment named {@code filename}. */
    public static ResponseEntity<Flux<String>> response(String filename, List<String> header, Flux<List<String>> rows) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
        headers.setContentDisposition(ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build());
        headers.setCacheControl("no-store");
        Flux<String> body = Flux.concat(Flux.just(BOM + line(header)), rows.map(CsvExport::line));
        return ResponseEntity.ok().headers(headers).body(body);
    }

    /** A time as Excel users read it ({@code 2026-12-07 10:00:00}, Asia/Shanghai); empty for none. */
    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** Any value as a cell; empty for none. */
    public static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** One CSV line with its CRLF. */
    public static String line(List<String> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        return out.append("\r\n").toString();
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
