package io.livehall.fair.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The content words of a listing: its title and description segmented by HanLP (portable dictionaries, shipped in its
 * jar), keeping nouns, nominal verbs and foreign/model words (places are left to the region part), less stop words;
 * plus its keywords whole and segmented. Lower-cased, distinct, sorted, at most {@link #MAX_TERMS}. CPU and, on first
 * use, dictionary loading: call it off the event loop (MatchingScheduler).
 */
@Component
class TermExtractor {

    static final int MAX_TERMS = 64;

    private final Set<String> stopWords;
    private final Segment segment;

    TermExtractor() {
        this.stopWords = Set.copyOf(lines("fair/matching-stopwords.txt"));
        for (String word : lines("fair/matching-words.txt")) {
            CustomDictionary.add(word, "nz 1024");
        }
        this.segment = HanLP.newSegment().enableNameRecognize(false).enablePlaceRecognize(false)
                .enableOrganizationRecognize(false).enableTranslatedNameRecognize(false)
                .enableJapaneseNameRecognize(false).enableCustomDictionary(true);
        // load the dictionaries now, at start-up, rather than on the first listing
        segment.seg("预热分词词典");
        CoreStopWordDictionary.contains("的");
    }

    /** The sorted, distinct content words of a listing. */
    String[] terms(String title, String description, List<String> keywords) {
        Set<String> kept = new LinkedHashSet<>();
        for (String keyword : keywords) {
            String k = keyword.strip().toLowerCase(Locale.ROOT);
            if (k.length() >= 2 && k.length() <= 40 && !stopWords.contains(k)) {
                kept.add(k);
            }
            content(k, kept);
        }
        content(title, kept);
        content(description, kept);
        TreeSet<String> sorted = new TreeSet<>();
        for (String term : kept) {
            if (sorted.size() == MAX_TERMS) {
                break;
            }
            sorted.add(term);
        }
        return sorted.toArray(String[]::new);
    }

    private void content(String text, Set<String> into) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (Term term : segment.seg(text)) {
            String word = term.word.strip().toLowerCase(Locale.ROOT);
            if (keep(term) && word.length() >= 2 && word.chars().noneMatch(Character::isISOControl) && word.length() <= 40 && !stopWords.contains(word)
                    && !CoreStopWordDictionary.contains(word)) {
                into.add(word);
            }
        }
    }

    private static boolean keep(Term term) {
        if (term.nature == null) {
            return false;
        }
        String nature = term.nature.toString();
        if (nature.startsWith("ns") || nature.startsWith("nr") || nature.equals("nt")) {
            return false;
        }
        return nature.startsWith("n") || nature.equals("vn") || nature.startsWith("g");
    }

    private static List<String> lines(String resource) {
        try {
            return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
