package kz.prevention.commission.minutes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays paragraphs out on A4 pages with DejaVu Sans embedded (shipped as a Maven artifact, so no
 * operating-system font is needed): Cyrillic and the Kazakh letters ә ғ қ ң ө ұ ү һ і render and
 * can be extracted as text. A character the font lacks is written as '?', never an error.
 */
@ApplicationScoped
public class MinutesPdf {

    static final String REGULAR = "net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    static final String BOLD = "net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";
    private static final float MARGIN = 56;
    private static final float LEADING = 1.35f;

    /** One paragraph: its text, size, weight, and space before it. */
    public record Paragraph(String text, float size, boolean bold, float spaceBefore) {
        public static Paragraph title(String text) {
            return new Paragraph(text, 13, true, 4);
        }

        public static Paragraph heading(String text) {
            return new Paragraph(text, 11, true, 10);
        }

        public static Paragraph body(String text) {
            return new Paragraph(text, 10, false, 3);
        }
    }

    public byte[] render(String title, List<Paragraph> paragraphs) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font regular = load(doc, REGULAR);
            PDType0Font bold = load(doc, BOLD);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("commission-service");
            new Layout(doc, regular, bold).write(paragraphs);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException("the minutes could not be rendered", ex);
        }
    }

    private static PDType0Font load(PDDocument doc, String resource) throws IOException {
        try (InputStream in = MinutesPdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("font " + resource + " is missing from the classpath");
            }
            return PDType0Font.load(doc, in, true);
        }
    }

    /** Writes lines top-down, wrapping words to the page width and starting new pages as needed. */
    private static final class Layout {
        private final PDDocument doc;
        private final PDType0Font regular;
        private final PDType0Font bold;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream stream;
        private float y;

        Layout(PDDocument doc, PDType0Font regular, PDType0Font bold) {
            this.doc = doc;
            this.regular = regular;
            this.bold = bold;
        }

        void write(List<Paragraph> paragraphs) throws IOException {
            newPage();
            for (Paragraph p : paragraphs) {
                PDType0Font font = p.bold() ? bold : regular;
                y -= p.spaceBefore();
                for (String line : wrap(printable(font, p.text()), font, p.size())) {
                    if (y - p.size() * LEADING < MARGIN) {
                        newPage();
                    }
                    y -= p.size() * LEADING;
                    stream.beginText();
                    stream.setFont(font, p.size());
                    stream.newLineAtOffset(MARGIN, y);
                    stream.showText(line);
                    stream.endText();
                }
            }
            stream.close();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private List<String> wrap(String text, PDType0Font font, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String raw : text.split("\n", -1)) {
                StringBuilder line = new StringBuilder();
                for (String word : raw.split(" ")) {
                    String candidate = line.isEmpty() ? word : line + " " + word;
                    if (widthOf(candidate, font, size) <= width) {
                        line.setLength(0);
                        line.append(candidate);
                        continue;
                    }
                    if (!line.isEmpty()) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    // A word longer than the line is cut where it no longer fits.
                    String rest = word;
                    while (widthOf(rest, font, size) > width) {
                        int cut = rest.length() - 1;
                        while (cut > 1 && widthOf(rest.substring(0, cut), font, size) > width) {
                            cut--;
                        }
                        lines.add(rest.substring(0, cut));
                        rest = rest.substring(cut);
                    }
                    line.append(rest);
                }
                lines.add(line.toString());
            }
            return lines;
        }

        private static float widthOf(String s, PDType0Font font, float size) throws IOException {
            return font.getStringWidth(s) / 1000 * size;
        }
    }

    /** The text with control characters as spaces and characters the font has no glyph for as '?'. */
    static String printable(PDType0Font font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                out.append(' ');
            } else {
                String ch = new String(Character.toChars(cp));
                try {
                    font.encode(ch);
                    out.append(ch);
                } catch (IOException | IllegalArgumentException missing) {
                    out.append('?');
                }
            }
        });
        return out.toString();
    }
}
