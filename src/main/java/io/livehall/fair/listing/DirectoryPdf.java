package io.livehall.fair.listing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.livehall.fair.ListingSide;
import io.livehall.fair.listing.DirectoryViews.Directory;
import io.livehall.fair.listing.DirectoryViews.Entry;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Draws a directory as an A4 PDF with PDFBox: a heading (title, period, publication date, counts), then each listing
 * (供/需, title, enterprise; category, region, quantity, amount, validity; keywords; the description, at most four
 * lines), page numbers at the foot. Text is set in the certificate font ({@code fonts/certificate-sans-sc.ttf},
 * GB 2312), embedded as a subset; a character it lacks prints as "?". CPU work: call it off the event loop.
 */
@Component
class DirectoryPdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(Quarter.SHANGHAI);
    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float HEIGHT = PDRectangle.A4.getHeight();
    private static final float MARGIN = 48;
    private static final float TEXT_WIDTH = WIDTH - 2 * MARGIN;
    private static final int DESCRIPTION_LINES = 4;
    /** the "grey" that draws in the heading's red */
    private static final float HEADING = -1;

    private final byte[] font;

    DirectoryPdf() {
        try (InputStream in = new ClassPathResource("fonts/certificate-sans-sc.ttf").getInputStream()) {
            this.font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("directory font missing", e);
        }
    }

    byte[] draw(Directory d, List<Entry> entries) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font type = PDType0Font.load(doc, new ByteArrayInputStream(font), true);
            doc.getDocumentInformation().setTitle(d.title());
            doc.getDocumentInformation().setCreator("Live Hall 直播展厅");
            Writer w = new Writer(doc, type);
            w.wrapped(d.title(), 16, HEADING, 3);
            long supply = entries.stream().filter(e -> e.side() == ListingSide.SUPPLY).count();
            w.line("统计期：" + d.periodLabel() + "（" + d.periodStart() + " 至 " + d.periodEnd().minusDays(1) + "）　发布日期："
                    + DATE.format(d.publishedAt()), 10, 0.3f);
            w.line("共 " + entries.size() + " 条：供给 " + supply + " 条，需求 " + (entries.size() - supply) + " 条", 10, 0.3f);
            w.gap(10);
            for (Entry e : entries) {
                w.keepTogether(60);
                w.line((e.side() == ListingSide.SUPPLY ? "【供】" : "【需】") + e.title() + " — " + e.enterpriseName(), 11, 0.1f);
                w.line(facts(e), 9, 0.35f);
                if (!e.keywords().isEmpty()) {
                    w.line("关键词：" + String.join("、", e.keywords()), 9, 0.35f);
                }
                if (!e.description().isBlank()) {
                    w.wrapped(e.description().replaceAll("\\s+", " "), 9, 0.2f, DESCRIPTION_LINES);
                }
                w.gap(8);
            }
            w.finish();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 汽车零部件及配件制造 · 安徽省合肥市 · 数量 5 万件 · 金额 10–50 万元 · 有效期至 2027年3月31日 */
    static String facts(Entry e) {
        List<String> parts = new ArrayList<>(List.of(e.categoryName(), e.region()));
        if (e.quantity() != null) {
            parts.add("数量 " + e.quantity());
        }
        String amount = amount(e.amountMinFen(), e.amountMaxFen());
        if (amount != null) {
            parts.add("金额 " + amount);
        }
        parts.add("有效期至 " + DATE.format(e.validUntil()));
        return String.join(" · ", parts);
    }

    /** An amount range in 元 or 万元; null for none. */
    static String amount(Long minFen, Long maxFen) {
        if (minFen == null && maxFen == null) {
            return null;
        }
        if (minFen != null && maxFen != null) {
            return minFen.equals(maxFen) ? yuan(minFen) : yuan(minFen) + "–" + yuan(maxFen);
        }
        return minFen != null ? yuan(minFen) + "起" : "至多 " + yuan(maxFen);
    }

    static String yuan(long fen) {
        if (fen >= 1_000_000) { // 1 万元
            return new java.math.BigDecimal(fen).movePointLeft(6).stripTrailingZeros().toPlainString() + " 万元";
        }
        return new java.math.BigDecimal(fen).movePointLeft(2).stripTrailingZeros().toPlainString() + " 元";
    }

    /** Writes lines top to bottom, starting a new page when one is full. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDType0Font font;
        private PDPageContentStream cs;
        private float y;
        private int pages;

        Writer(PDDocument doc, PDType0Font font) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
        }

        void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            pages++;
            write("— " + pages + " —", 8, WIDTH / 2 - 12, MARGIN / 2, 0.5f);
            y = HEIGHT - MARGIN;
        }

        void keepTogether(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void gap(float height) {
            y -= height;
        }

        /** One line, cut with "…" when it does not fit the width. */
        void line(String text, float size, float grey) throws IOException {
            String printable = printable(text);
            if (width(printable, size) > TEXT_WIDTH) {
                printable = fit(printable, size, TEXT_WIDTH - width("…", size)) + "…";
            }
            put(printable, size, grey);
        }

        /** Text broken over at most {@code maxLines} lines, the last cut with "…" if more remains. */
        void wrapped(String text, float size, float grey, int maxLines) throws IOException {
            String rest = printable(text);
            for (int n = 1; n <= maxLines && !rest.isEmpty(); n++) {
                String part = fit(rest, size, TEXT_WIDTH);
                rest = rest.substring(part.length());
                if (n == maxLines && !rest.isEmpty()) {
                    part = fit(part, size, TEXT_WIDTH - width("…", size)) + "…";
                }
                put(part, size, grey);
            }
        }

        private void put(String text, float size, float grey) throws IOException {
            keepTogether(size * 1.5f);
            y -= size * 1.5f;
            write(text, size, MARGIN, y, grey);
        }

        private void write(String text, float size, float x, float atY, float grey) throws IOException {
            if (grey == HEADING) {
                cs.setNonStrokingColor(0.72f, 0.16f, 0.16f);
            } else {
                cs.setNonStrokingColor(grey, grey, grey);
            }
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, atY);
            cs.showText(text);
            cs.endText();
        }

        /** The longest start of {@code text} (whole code points) that fits {@code max} points. */
        private String fit(String text, float size, float max) throws IOException {
            int end = 0;
            float used = 0;
            while (end < text.length()) {
                int next = end + Character.charCount(text.codePointAt(end));
                used += width(text.substring(end, next), size);
                if (used > max) {
                    break;
                }
                end = next;
            }
            return text.substring(0, Math.max(end, Math.min(text.length(), Character.charCount(text.codePointAt(0)))));
        }

        private float width(String text, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        private String printable(String text) {
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(cp -> {
                String ch = new String(Character.toChars(cp));
                try {
                    font.encode(ch);
                    out.append(ch);
                } catch (IllegalArgumentException | IOException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }

        void finish() throws IOException {
            cs.close();
        }
    }
}
