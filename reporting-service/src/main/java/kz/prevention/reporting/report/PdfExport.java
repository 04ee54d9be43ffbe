package kz.prevention.reporting.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The report as PDF (PDFBox): the title, each section's text and figures, a bar per child
 * territory for registrations (a map-like table by region) and the year's monthly trend line.
 * DejaVu Sans — shipped on Maven Central in jasperreports-fonts — is embedded whole, so every
 * Kazakh letter (ә ғ қ ң ө ұ ү һ і) is in the file; the document id is derived from the content.
 */
final class PdfExport {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private PdfExport() {
    }

    static byte[] render(NationalReport r, String lang) throws IOException {
        try (PDDocument doc = new PDDocument(); InputStream font = ReportExports.font()) {
            PDType0Font f = PDType0Font.load(doc, font, false);
            Writer w = new Writer(doc, f);
            w.paragraph(r.title().get(lang), 14);
            w.paragraph("KATO " + r.territory() + " · " + r.catalogVersion() + (r.suppressed()
                    ? " · x < " + r.threshold() : ""), 8);
            for (NationalReport.Part part : r.sections()) {
                w.gap(8);
                w.paragraph(part.names().get(lang) + " (" + part.article() + ")", 12);
                w.paragraph(part.text().get(lang), 9);
                for (NationalReport.Figure fig : part.figures()) {
                    w.paragraph(fig.indicator() + ": " + (r.year() - 1) + " = " + shown(fig.previous(), fig.previousHidden())
                            + "; " + r.year() + " = " + shown(fig.value(), fig.hidden()), 8);
                }
            }
            NationalReport.Figure registered = r.sections().stream().flatMap(p -> p.figures().stream())
                    .filter(x -> x.indicator().equals(ReportBuilder.TREND_INDICATOR)).findFirst().orElse(null);
            if (registered != null) {
                w.gap(10);
                w.paragraph(registered.names().get(lang) + " · " + r.year(), 11);
                w.bars(registered.byTerritory());
                w.gap(6);
                w.trend(r.trend().months());
            }
            w.close();
            byte[] id = digest(r.toString());
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static String shown(Number n, boolean hidden) {
        return hidden ? "x" : n == null ? "—" : ReportTexts.number(n);
    }

    private static byte[] digest(String s) {
        try {
            byte[] full = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            byte[] id = new byte[16];
            System.arraycopy(full, 0, id, 0, 16);
            return id;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lays text and drawings down the pages, starting a new page when one is full. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDType0Font font;
        private PDPageContentStream cs;
        private float y;

        Writer(PDDocument doc, PDType0Font font) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
        }

        private void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void room(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void gap(float h) {
            y -= h;
        }

        void paragraph(String text, float size) throws IOException {
            for (String line : wrap(text, size)) {
                room(size * 1.4f);
                y -= size * 1.4f;
                cs.beginText();
                cs.setFont(font, size);
                cs.newLineAtOffset(MARGIN, y);
                cs.showText(line);
                cs.endText();
            }
        }

        private List<String> wrap(String text, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size > WIDTH && line.length() > 0) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
            return lines;
        }

        /** One horizontal bar per territory, hidden ones marked x. */
        void bars(List<NationalReport.TerritoryValue> values) throws IOException {
            double max = values.stream().filter(v -> !v.hidden() && v.value() != null)
                    .mapToDouble(v -> v.value().doubleValue()).max().orElse(1);
            for (NationalReport.TerritoryValue v : values) {
                room(12);
                y -= 12;
                label(v.territory() + "  " + shown(v.value(), v.hidden()), MARGIN, y, 7);
                if (!v.hidden() && v.value() != null && max > 0) {
                    cs.addRect(MARGIN + 110, y, (float) (v.value().doubleValue() / max * (WIDTH - 120)), 8);
                    cs.fill();
                }
            }
        }

        /** The months as a polyline; a hidden month breaks the line. */
        void trend(List<NationalReport.TerritoryValue> months) throws IOException {
            float height = 80;
            room(height + 20);
            y -= height + 10;
            double max = Math.max(1, months.stream().filter(v -> !v.hidden() && v.value() != null)
                    .mapToDouble(v -> v.value().doubleValue()).max().orElse(1));
            float step = WIDTH / Math.max(1, months.size());
            boolean drawing = false;
            boolean any = false;
            for (int i = 0; i < months.size(); i++) {
                NationalReport.TerritoryValue m = months.get(i);
                float x = MARGIN + step * i + step / 2;
                label(m.territory().substring(5) + " " + shown(m.value(), m.hidden()), x - 10, y - 10, 6);
                if (m.hidden() || m.value() == null) {
                    drawing = false;
                    continue;
                }
                float py = y + (float) (m.value().doubleValue() / max * height);
                if (drawing) {
                    cs.lineTo(x, py);
                } else {
                    cs.moveTo(x, py);
                    drawing = true;
                }
                any = true;
            }
            if (any) {
                cs.stroke();
            }
            y -= 14;
        }

        private void label(String text, float x, float at, float size) throws IOException {
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, at);
            cs.showText(text);
            cs.endText();
        }

        void close() throws IOException {
            cs.close();
        }
    }
}
