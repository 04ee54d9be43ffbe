package kz.prevention.reporting.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The links catalog as shipped, its families, and the links it refuses. Pure. */
class IndicatorLinksTest {

    private static final IndicatorCatalog CATALOG = new IndicatorCatalog();
    private static final IndicatorLinks LINKS = new IndicatorLinks(CATALOG);

    @Test
    void theRegistrationIndicatorsAreOneFamilyWithTheirDifferences() {
        IndicatorLinks.Family f = LINKS.family("ENTRIES_REGISTERED_MINORS");
        assertThat(f.published()).containsExactly("ENTRIES_REGISTERED", "ENTRIES_REGISTERED_MINORS",
                "ENTRIES_REGISTERED_PROTECTIVE_ORDERS", "REPEAT_REGISTRATIONS_12M");
        assertThat(f.derived()).containsExactly("ENTRIES_REGISTERED_ADULTS", "ENTRIES_REGISTERED_OTHER_CATEGORIES",
                "ENTRIES_REGISTERED_NOT_REPEAT");
        assertThat(f.links()).hasSize(3);
        assertThat(LINKS.family("ENTRIES_REGISTERED")).isEqualTo(f);
        assertThat(LINKS.family("MEASURES_DONE_LATE").published()).containsExactly("MEASURES_DONE_ON_TIME", "MEASURES_DONE_LATE");
        assertThat(LINKS.family("MEASURES_DONE_LATE").derived()).containsExactly("MEASURES_COMPLETED");
        assertThat(LINKS.family("ENTRIES_REMOVED").members()).containsExactly("ENTRIES_REMOVED");
        // The control rhythm's two counts were published later than the links: entries due = kept + not kept.
        assertThat(LINKS.family("CONTROL_RHYTHM_KEPT").published())
                .containsExactlyInAnyOrder("CONTROL_RHYTHM_ENTRIES", "CONTROL_RHYTHM_KEPT");
        assertThat(LINKS.family("CONTROL_RHYTHM_KEPT").derived()).containsExactly("CONTROL_RHYTHM_NOT_KEPT");
        assertThat(LINKS.slicesOf("ENTRIES_REGISTERED", "category")).singleElement()
                .extracting(IndicatorLinks.Slice::indicator).isEqualTo("ENTRIES_REGISTERED_PROTECTIVE_ORDERS");
        assertThat(LINKS.version()).isNotBlank();
    }

    @Test
    void aLinkWrittenTwiceARateADerivedCellWithTwoLinksOrNoneAndAStockWithAFlowAreRefused() {
        IndicatorLinks.Derived adults = new IndicatorLinks.Derived("ADULTS", "all − minors");
        IndicatorLinks.Link minors = new IndicatorLinks.Link("ENTRIES_REGISTERED", List.of("ENTRIES_REGISTERED_MINORS", "ADULTS"));
        assertThatThrownBy(() -> links(List.of(adults), minors, minors)).hasMessageContaining("written twice");
        assertThatThrownBy(() -> links(List.of(adults), minors,
                new IndicatorLinks.Link("ENTRIES_REMOVED", List.of("ADULTS", "ENTRIES_REGISTERED_MINORS"))))
                .hasMessageContaining("more than one link");
        assertThatThrownBy(() -> links(List.of(adults, new IndicatorLinks.Derived("LOOSE", "")), minors))
                .hasMessageContaining("without a link");
        assertThatThrownBy(() -> links(List.of(), new IndicatorLinks.Link("MEASURES_ON_TIME_RATE",
                List.of("MEASURES_DONE_ON_TIME", "MEASURES_DONE_LATE")))).hasMessageContaining("rate");
        assertThatThrownBy(() -> links(List.of(), new IndicatorLinks.Link("ENTRIES_ON_REGISTRY_AT_END",
                List.of("ENTRIES_REGISTERED", "ENTRIES_REMOVED")))).hasMessageContaining("stocks and flows");
        assertThatThrownBy(() -> links(List.of(), new IndicatorLinks.Link("NOT_AN_INDICATOR",
                List.of("ENTRIES_REGISTERED", "ENTRIES_REMOVED")))).hasMessageContaining("unknown");
    }

    private static IndicatorLinks links(List<IndicatorLinks.Derived> derived, IndicatorLinks.Link... links) {
        return new IndicatorLinks(CATALOG, new IndicatorLinks.Document("test", "1", "2026-11-26", Map.of(), derived,
                List.of(links), List.of()));
    }
}
