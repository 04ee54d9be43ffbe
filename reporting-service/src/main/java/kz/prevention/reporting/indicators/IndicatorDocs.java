package kz.prevention.reporting.indicators;

import java.util.stream.Collectors;

/** {@code docs/indicators.md}, rendered from the catalog (a test keeps the committed file equal to it). */
public final class IndicatorDocs {

    private IndicatorDocs() {
    }

    public static String render(IndicatorCatalog.Document doc) {
        StringBuilder md = new StringBuilder();
        md.append("# Indicators of the National report\n\n");
        md.append("<!-- Generated from reporting-service/src/main/resources/reporting/indicators.json by IndicatorDocsTest;"
                + " do not edit: ./mvnw -pl reporting-service test -Dtest=IndicatorDocsTest -Dupdate-docs=true -->\n\n");
        md.append(doc.description().get("en")).append(". Catalog `").append(doc.catalog()).append("`, version ")
                .append(doc.version()).append(", valid from ").append(doc.validFrom()).append(".\n\n");
        md.append("Small-cell suppression: ").append(doc.suppression().get("appliesTo")).append(" (threshold ")
                .append(doc.suppression().get("threshold")).append(", configurable: `reporting.suppression.threshold`).\n\n");
        for (Section s : doc.sections()) {
            md.append("## ").append(s.name("en")).append(" (").append(s.article()).append(")\n\n");
            md.append("kk: ").append(s.name("kk")).append(" · ru: ").append(s.name("ru")).append("\n\n");
            var indicators = doc.indicators().stream().filter(i -> i.section().equals(s.code())).toList();
            if (indicators.isEmpty()) {
                md.append("No indicator from the platform's events: this section is compiled from the agencies' own"
                        + " statistics.\n\n");
                continue;
            }
            for (Indicator i : indicators) {
                indicator(md, i);
            }
        }
        IndicatorCatalog.Internal internal = doc.internal();
        if (internal != null) {
            md.append("## Internal, never published: ").append(internal.name("en")).append(" (").append(internal.article())
                    .append(")\n\n");
            md.append("kk: ").append(internal.name("kk")).append(" · ru: ").append(internal.name("ru")).append("\n\n");
            md.append("Who sees them: ").append(internal.audience()).append(".\n\n");
            md.append("Small counts: ").append(internal.suppression()).append(".\n\n");
            md.append("Attribution: ").append(internal.attribution()).append(".\n\n");
            for (Indicator i : internal.indicators()) {
                indicator(md, i);
            }
        }
        return md.toString();
    }

    private static void indicator(StringBuilder md, Indicator i) {
        md.append("### `").append(i.code()).append("` — ").append(i.name("en")).append("\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| kk | ").append(i.name("kk")).append(" |\n");
        md.append("| ru | ").append(i.name("ru")).append(" |\n");
        md.append("| definition | ").append(i.definition()).append(" |\n");
        md.append("| formula | `").append(i.formula()).append("` |\n");
        md.append("| unit | ").append(i.unit()).append(" (").append(i.kind()).append(") |\n");
        md.append("| source events | ").append(i.sourceEvents().stream().map(e -> "`" + e + "`")
                .collect(Collectors.joining(", "))).append(" |\n");
        md.append("| disaggregations | ").append(String.join(", ", i.disaggregations())).append(" |\n");
        md.append("| article | ").append(i.article()).append(" |\n\n");
    }
}
