package io.livehall.fair;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The industry categories of listings (resource {@code fair/industries.tsv}: a subset of GB/T 4754-2017 — sections,
 * divisions, groups), and how close two categories are: the same group, the same division, the same section.
 */
@Component
public class IndustryTaxonomy {

    /** A category: {@code C367} 汽车零部件及配件制造 under {@code C36} 汽车制造业 under {@code C} 制造业. */
    public record Industry(String code, String name, String parent) {
    }

    /** The closest level two categories share, and its category; {@code depth} 0 = none, 1 section, 2 division, 3 group. */
    public record Closeness(int depth, Industry shared) {
    }

    private final Map<String, Industry> byCode;

    IndustryTaxonomy() {
        this.byCode = load();
    }

    /** Every category, in the file's order (sections, each followed by its divisions and groups). */
    public List<Industry> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<Industry> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** Whether listings may use the code: a known division or group (not a bare section). */
    public boolean usable(String code) {
        return code != null && code.length() >= 3 && byCode.containsKey(code);
    }

    /** The deepest category both codes fall under (themselves included). */
    public Closeness closeness(String a, String b) {
        for (String x = a; x != null; x = parentOf(x)) {
            for (String y = b; y != null; y = parentOf(y)) {
                if (x.equals(y)) {
                    return new Closeness(depth(x), byCode.get(x));
                }
            }
        }
        return new Closeness(0, null);
    }

    private String parentOf(String code) {
        Industry industry = byCode.get(code);
        return industry == null || industry.parent().isEmpty() ? null : industry.parent();
    }

    private static int depth(String code) {
        return switch (code.length()) {
            case 1 -> 1;
            case 3 -> 2;
            default -> 3;
        };
    }

    private static Map<String, Industry> load() {
        try {
            String text = new ClassPathResource("fair/industries.tsv").getContentAsString(StandardCharsets.UTF_8);
            Map<String, Industry> map = new LinkedHashMap<>();
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                map.put(cells[0], new Industry(cells[0], cells[1], cells.length > 2 ? cells[2].strip() : ""));
            }
            return Collections.unmodifiableMap(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
