package io.livehall.training.registration;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The organiser's export of a series' registrations: UTF-8 with a BOM (so Excel reads the Chinese), CRLF rows, every
 * field quoted, and any field that a spreadsheet would take for a formula (= + - @, tab, CR) prefixed with an
 * apostrophe. Carries the full phone numbers (docs/security.md).
 */
final class RegistrationCsv {

    static final String BOM = "\uFEFF";
    static final String HEADER = row("报名编号", "姓名", "状态", "单位", "职务", "手机号", "原因", "报名时间（北京时间）", "审核时间（北京时间）");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private RegistrationCsv() {
    }

    static String line(Registration r) {
        return row(Long.toString(r.id()), r.name(), r.state().label(), r.company(), r.jobTitle(), r.phone(), r.reason(),
                r.queuedAt() == null ? null : TIME.format(r.queuedAt()),
                r.decidedAt() == null ? null : TIME.format(r.decidedAt()));
    }

    static String row(String... fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append('"').append(safe(fields[i]).replace("\"", "\"\"")).append('"');
        }
        return b.append("\r\n").toString();
    }

    /** A cell that starts like a formula is shown as text (OWASP "CSV injection"). */
    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
