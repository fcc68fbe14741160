package io.livehall.training.attendance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Draws a certificate of completion with PDFBox: A4 landscape, the holder, the training, the watch time, the code and a
 * QR code of the public verification link. Text is set in the certificate font (WenQuanYi Micro Hei cut to GB 2312, see
 * infra/fonts), embedded as a subset of the glyphs the page uses; a character the font lacks prints as "?". CPU work:
 * call it off the event loop.
 */
@Component
class CertificatePdf {

    /** What a certificate says. */
    record Content(String code, String holderName, String seriesTitle, String sessionTitle, String organiser,
                   Instant sessionStartsAt, long watchMinutes, Instant issuedAt, String verifyUrl) {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ZoneId.of("Asia/Shanghai"));
    private static final float WIDTH = PDRectangle.A4.getHeight();
    private static final float HEIGHT = PDRectangle.A4.getWidth();
    /** the width a centred line may take inside the frame */
    private static final float TEXT_WIDTH = WIDTH - 160;

    private final byte[] font;

    CertificatePdf() {
        try (InputStream in = new ClassPathResource("fonts/certificate-sans-sc.ttf").getInputStream()) {
            this.font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("certificate font missing", e);
        }
    }

    byte[] draw(Content c) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(WIDTH, HEIGHT));
            doc.addPage(page);
            PDType0Font type = PDType0Font.load(doc, new ByteArrayInputStream(font), true);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("结业证书 " + c.code());
            info.setCreator("Live Hall 直播展厅");
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.setStrokingColor(0.72f, 0.16f, 0.16f);
                cs.setLineWidth(6);
                cs.addRect(24, 24, WIDTH - 48, HEIGHT - 48);
                cs.stroke();
                cs.setLineWidth(1.2f);
                cs.addRect(36, 36, WIDTH - 72, HEIGHT - 72);
                cs.stroke();
                cs.setNonStrokingColor(0.72f, 0.16f, 0.16f);
                centred(cs, type, "结 业 证 书", 40, HEIGHT - 120);
                cs.setNonStrokingColor(0.1f, 0.1f, 0.1f);
                centred(cs, type, "兹证明", 18, HEIGHT - 185);
                centred(cs, type, c.holderName(), 30, HEIGHT - 232);
                float y = centredLines(cs, type, "参加了「" + c.seriesTitle() + "」", HEIGHT - 282);
                y = centredLines(cs, type, c.sessionTitle() + "（" + DATE.format(c.sessionStartsAt()) + "）", y);
                centred(cs, type, "观看 " + c.watchMinutes() + " 分钟，完成学习，特发此证。", 18, y);
                text(cs, type, "主办方：" + c.organiser(), 14, 80, 120);
                text(cs, type, "发证日期：" + DATE.format(c.issuedAt()), 14, 80, 96);
                text(cs, type, "证书编号：" + c.code(), 14, 80, 72);
                qr(cs, c.verifyUrl(), WIDTH - 80 - 110, 62, 110);
                text(cs, type, "扫码验证", 10, WIDTH - 80 - 110 + 33, 50);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void centred(PDPageContentStream cs, PDType0Font font, String text, float size, float y) throws IOException {
        String printable = printable(font, text);
        float width = font.getStringWidth(printable) / 1000 * size;
        write(cs, font, printable, size, (WIDTH - width) / 2, y);
    }

    /**
     * A line of up to 100+ characters (titles): 18 pt when it fits the text width, smaller down to 12 pt, then broken
     * into as many 12-pt lines as it needs. Answers where the next line goes.
     */
    private static float centredLines(PDPageContentStream cs, PDType0Font font, String text, float y) throws IOException {
        String printable = printable(font, text);
        float natural = font.getStringWidth(printable) / 1000;
        float size = Math.max(12, Math.min(18, TEXT_WIDTH / natural));
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < printable.length(); ) {
            int cp = printable.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (line.length() > 0 && font.getStringWidth(line + ch) / 1000 * size > TEXT_WIDTH) {
                centred(cs, font, line.toString(), size, y);
                y -= size * 1.6f;
                line.setLength(0);
            }
            line.append(ch);
            i += Character.charCount(cp);
        }
        centred(cs, font, line.toString(), size, y);
        return y - 30;
    }

    private static void text(PDPageContentStream cs, PDType0Font font, String text, float size, float x, float y) throws IOException {
        write(cs, font, printable(font, text), size, x, y);
    }

    private static void write(PDPageContentStream cs, PDType0Font font, String text, float size, float x, float y) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }

    /** The text with every character the font cannot draw replaced by "?". */
    static String printable(PDType0Font font, String text) {
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

    /** The QR code as filled squares, one per dark module. */
    private static void qr(PDPageContentStream cs, String url, float x, float y, float size) throws IOException {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("verification link too long for a QR code", e);
        }
        float cell = size / m.getWidth();
        cs.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, row)) {
                    cs.addRect(x + col * cell, y + size - (row + 1) * cell, cell, cell);
                }
            }
        }
        cs.fill();
    }
}
