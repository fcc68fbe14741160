package io.livehall.training.registration;

import java.util.regex.Pattern;

/** Mainland mobile numbers: 11 digits starting 13–19; shown to anyone but their owner as {@code 138****1234}. */
final class Phones {

    static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private Phones() {
    }

    static boolean valid(String phone) {
        return phone != null && MOBILE.matcher(phone).matches();
    }

    static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() < 8) {
            return "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    /** For logs: an e-mail address keeps its first character and its domain. */
    static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
