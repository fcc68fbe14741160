package io.livehall.showcase.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;
import org.springframework.stereotype.Component;

/**
 * The pinyin a product name is found by (pinyin4j, per character, without tones, ü written {@code v}):
 * {@code 东裕茶 250g} → full {@code dongyucha250g}, initials {@code dyc250g}. Letters and digits are kept
 * (lower-cased); spaces and punctuation are dropped, so {@code dong yu cha} and {@code dongyucha} both match.
 * <p>
 * Heteronyms (多音字): every reading of a character is indexed, as separate space-separated variants
 * ({@code 长安} → {@code changan zhangan}), as long as the name has at most {@value #MAX_VARIANTS} variants in all;
 * past that, further characters contribute their first (most common) reading only. A search matches when one
 * variant contains the query.
 * <p>
 * pinyin4j reads its table from the class path on first use: the constructor does that at startup, never on an
 * event loop; afterwards every call is in memory.
 */
@Component
class ProductPinyin {

    static final int MAX_VARIANTS = 8;
    private static final Pattern PINYIN_QUERY = Pattern.compile("[a-z0-9]*[a-z][a-z0-9]*");
    private static final Pattern IGNORED_IN_QUERY = Pattern.compile("[\\s'’]+");

    private final HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();

    /** The full pinyin and the initials of a name, each as space-separated variants (empty when none). */
    record Keys(String full, String initials) {
    }

    ProductPinyin() {
        format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        format.setVCharType(HanyuPinyinVCharType.WITH_V);
        readings('中'); // loads the table now
    }

    Keys of(String name) {
        List<String[]> variants = new ArrayList<>();
        variants.add(new String[] {"", ""});
        String text = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128) {
                if (Character.isLetterOrDigit(cp)) {
                    String c = Character.toString(cp);
                    variants.forEach(v -> {
                        v[0] += c;
                        v[1] += c;
                    });
                }
                continue;
            }
            List<String> readings = Character.isBmpCodePoint(cp) ? readings((char) cp) : List.of();
            if (readings.isEmpty()) {
                continue;
            }
            List<String> used = variants.size() * readings.size() <= MAX_VARIANTS ? readings : readings.subList(0, 1);
            List<String[]> next = new ArrayList<>(variants.size() * used.size());
            for (String reading : used) {
                for (String[] v : variants) {
                    next.add(new String[] {v[0] + reading, v[1] + reading.charAt(0)});
                }
            }
            variants = next;
        }
        Set<String> full = new LinkedHashSet<>();
        Set<String> initials = new LinkedHashSet<>();
        for (String[] v : variants) {
            if (!v[0].isEmpty()) {
                full.add(v[0]);
                initials.add(v[1]);
            }
        }
        return new Keys(String.join(" ", full), String.join(" ", initials));
    }

    /**
     * The query as pinyin ({@code Dong Yu'Cha} → {@code dongyucha}), or null when it is not one: only latin letters
     * and digits (at least one letter) after dropping spaces and apostrophes.
     */
    static String query(String q) {
        if (q == null) {
            return null;
        }
        String text = IGNORED_IN_QUERY.matcher(q.toLowerCase(Locale.ROOT)).replaceAll("");
        return PINYIN_QUERY.matcher(text).matches() ? text : null;
    }

    /** The distinct toneless readings of a character, most common first; empty for a non-Hanzi. */
    private List<String> readings(char c) {
        String[] all;
        try {
            all = PinyinHelper.toHanyuPinyinStringArray(c, format);
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
        if (all == null) {
            return List.of();
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String reading : all) {
            if (!reading.isEmpty() && reading.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) {
                distinct.add(reading);
            }
        }
        return List.copyOf(distinct);
    }
}
