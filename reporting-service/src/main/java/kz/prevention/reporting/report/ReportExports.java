package kz.prevention.reporting.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The report as files: JSON, CSV (RFC 4180, UTF-8), XLSX (fastexcel) and PDF ({@link PdfExport}).
 * Each is a function of the report alone: no clock, no random ids, fixed ZIP entry times.
 */
public final class ReportExports {

    public enum Format {
        JSON("application/json", "json"), CSV("text/csv; charset=UTF-8", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"), PDF("application/pdf", "pdf");

        public final String mediaType;
        public final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public static Format parse(String value) {
            for (Format f : values()) {
                if (f.extension.equalsIgnoreCase(value)) {
                    return f;
                }
            }
            return null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    /** Every ZIP entry of an XLSX gets this time (DOS time has no earlier date). */
    private static final long FIXED_TIME = 315532800000L + 12 * 3600_000L;

    private ReportExports() {
    }

    public static byte[] export(NationalReport report, Format format, String lang) {
        try {
            return switch (format) {
                case JSON -> JSON.writeValueAsBytes(report);
                case CSV -> csv(report);
                case XLSX -> xlsx(report, lang);
                case PDF -> PdfExport.render(report, lang);
            };
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the report as " + format, e);
        }
    }

    /** One line per figure: the territory's value for the year and the year before, then each child's for the year. */
    static byte[] csv(NationalReport r) {
        StringBuilder out = new StringBuilder("section,indicator,unit,territory,year,value,hidden\r\n");
        for (NationalReport.Part part : r.sections()) {
            for (NationalReport.Figure f : part.figures()) {
                line(out, part.code(), f, r.territory(), r.year() - 1, f.previous(), f.previousHidden());
                line(out, part.code(), f, r.territory(), r.year(), f.value(), f.hidden());
                for (NationalReport.TerritoryValue t : f.byTerritory()) {
                    line(out, part.code(), f, t.territory(), r.year(), t.value(), t.hidden());
                }
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, String section, NationalReport.Figure f, String territory, int year,
            Number value, boolean hidden) {
        out.append(section).append(',').append(f.indicator()).append(',').append(f.unit()).append(',').append(territory)
                .append(',').append(year).append(',').append(hidden ? "" : ReportTexts.number(value)).append(',')
                .append(hidden).append("\r\n");
    }

    static byte[] xlsx(NationalReport r, String lang) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        Workbook wb = new Workbook(raw, "prevention-platform", "1.0");
        Worksheet s = wb.newWorksheet("Indicators");
        String[] head = {"section", "indicator", "name", "unit", String.valueOf(r.year() - 1), String.valueOf(r.year()),
                "change", "change %"};
        for (int c = 0; c < head.length; c++) {
            s.value(0, c, head[c]);
        }
        s.value(0, head.length, r.title().get(lang));
        int row = 1;
        for (NationalReport.Part part : r.sections()) {
            for (NationalReport.Figure f : part.figures()) {
                s.value(row, 0, part.code());
                s.value(row, 1, f.indicator());
                s.value(row, 2, f.names().get(lang));
                s.value(row, 3, f.unit());
                cell(s, row, 4, f.previous(), f.previousHidden());
                cell(s, row, 5, f.value(), f.hidden());
                cell(s, row, 6, f.change(), f.change() == null);
                cell(s, row, 7, f.changePercent(), f.changePercent() == null);
                row++;
            }
        }
        Worksheet t = wb.newWorksheet("By territory");
        t.value(0, 0, "indicator");
        t.value(0, 1, "territory");
        t.value(0, 2, String.valueOf(r.year()));
        int tr = 1;
        for (NationalReport.Part part : r.sections()) {
            for (NationalReport.Figure f : part.figures()) {
                for (NationalReport.TerritoryValue v : f.byTerritory()) {
                    t.value(tr, 0, f.indicator());
                    t.value(tr, 1, v.territory());
                    cell(t, tr, 2, v.value(), v.hidden());
                    tr++;
                }
            }
        }
        Worksheet x = wb.newWorksheet("Text");
        int xr = 0;
        for (NationalReport.Part part : r.sections()) {
            x.value(xr, 0, part.names().get(lang));
            x.value(xr, 1, part.text().get(lang));
            xr++;
        }
        wb.finish();
        return normalized(raw.toByteArray());
    }

    /** A hidden figure is the letter x, as statistical tables mark it; a figure that cannot be computed is empty. */
    private static void cell(Worksheet s, int row, int col, Number value, boolean hidden) {
        if (hidden && value == null) {
            s.value(row, col, "x");
        } else if (value != null) {
            s.value(row, col, value);
        }
    }

    /** The same ZIP with every entry's time fixed and document dates removed, so equal content gives equal bytes. */
    static byte[] normalized(byte[] zip) throws IOException {
        // fastexcel streams its entries with data descriptors, which ZipInputStream cannot read back: read the
        // central directory instead, from a temporary file.
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("report", ".xlsx");
        try {
            java.nio.file.Files.write(tmp, zip);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(tmp.toFile());
                    ZipOutputStream z = new ZipOutputStream(out)) {
                for (ZipEntry e : java.util.Collections.list(in.entries())) {
                    byte[] content;
                    try (InputStream entry = in.getInputStream(e)) {
                        content = entry.readAllBytes();
                    }
                    if (e.getName().equals("docProps/core.xml")) {
                        content = new String(content, StandardCharsets.UTF_8)
                                .replaceAll("<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\\1>", "")
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    ZipEntry copy = new ZipEntry(e.getName());
                    copy.setTime(FIXED_TIME);
                    z.putNextEntry(copy);
                    z.write(content);
                    z.closeEntry();
                }
            }
            return out.toByteArray();
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }

    static InputStream font() {
        InputStream in = ReportExports.class.getClassLoader()
                .getResourceAsStream("net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf");
        if (in == null) {
            throw new IllegalStateException("DejaVu Sans (jasperreports-fonts) is missing from the classpath");
        }
        return in;
    }

    static List<String> languages() {
        return ReportTexts.LANGUAGES;
    }
}
