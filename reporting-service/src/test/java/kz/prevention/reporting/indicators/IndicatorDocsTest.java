package kz.prevention.reporting.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import kz.prevention.eventing.catalog.EventCatalog;
import kz.prevention.eventing.catalog.EventSpec;
import kz.prevention.reporting.figures.FigureQueries;
import kz.prevention.testing.ProjectRoot;

/** The catalog is complete and consistent, and docs/indicators.md is what it renders. */
class IndicatorDocsTest {

    private final IndicatorCatalog catalog = new IndicatorCatalog();

    @Test
    void everyIndicatorIsDescribedInThreeLanguagesAndCountedFromCatalogEvents() {
        Set<String> types = EventCatalog.load(getClass().getClassLoader(), new ObjectMapper().registerModule(new JavaTimeModule()))
                .events().stream().map(EventSpec::type).collect(Collectors.toSet());
        assertThat(catalog.indicators()).hasSizeGreaterThanOrEqualTo(15);
        for (Indicator i : catalog.indicators()) {
            assertThat(i.names().keySet()).as(i.code()).containsExactlyInAnyOrder("kk", "ru", "en");
            assertThat(i.definition()).as(i.code()).isNotBlank();
            assertThat(i.formula()).as(i.code()).isNotBlank();
            assertThat(i.article()).as(i.code()).isNotBlank();
            assertThat(i.disaggregations()).as(i.code()).contains("territory", "period");
            assertThat(types).as(i.code() + " source events").containsAll(i.sourceEvents());
            assertThat(i.rate() || FigureQueries.counts(i.code())).as(i.code() + " is computed").isTrue();
            assertThat(i.disaggregations().subList(2, i.disaggregations().size())).as(i.code() + " breakdowns offered")
                    .containsExactlyInAnyOrderElementsOf(FigureQueries.dimensions(i.code()));
        }
    }

    /**
     * The officers' and units' indicators are internal: in a section of their own, each computed by
     * WorkIndicators, from catalog events, described in three languages, and never findable as a
     * published indicator (so /figures and the National report cannot serve them).
     */
    @Test
    void theInternalIndicatorsAreTheWorkIndicatorsAndNeverPublished() {
        Set<String> types = EventCatalog.load(getClass().getClassLoader(), new ObjectMapper().registerModule(new JavaTimeModule()))
                .events().stream().map(EventSpec::type).collect(Collectors.toSet());
        assertThat(catalog.internalIndicators()).extracting(Indicator::code)
                .containsExactlyInAnyOrderElementsOf(kz.prevention.reporting.work.WorkIndicators.UNIT_CODES);
        for (Indicator i : catalog.internalIndicators()) {
            assertThat(catalog.find(i.code())).as(i.code() + " is not a published indicator").isEmpty();
            assertThat(catalog.indicators()).extracting(Indicator::code).doesNotContain(i.code());
            assertThat(i.names().keySet()).as(i.code()).containsExactlyInAnyOrder("kk", "ru", "en");
            assertThat(types).as(i.code() + " source events").containsAll(i.sourceEvents());
            assertThat(i.disaggregations()).as(i.code()).contains("unit", "period");
            assertThat(i.disaggregations().contains("officer"))
                    .as(i.code() + " is an officer's figure exactly when WorkIndicators counts it for officers")
                    .isEqualTo(kz.prevention.reporting.work.WorkIndicators.OFFICER_CODES.contains(i.code()));
        }
    }

    @Test
    void theDocumentIsGeneratedFromTheCatalog() throws Exception {
        Path doc = ProjectRoot.get().resolve("docs/indicators.md");
        String expected = IndicatorDocs.render(catalog.document());
        if (Boolean.getBoolean("update-docs")) {
            Files.writeString(doc, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(doc)).as("docs/indicators.md exists (run with -Dupdate-docs=true)").isTrue();
        assertThat(Files.readString(doc, StandardCharsets.UTF_8)).as("docs/indicators.md is stale: run with -Dupdate-docs=true")
                .isEqualTo(expected);
    }
}
