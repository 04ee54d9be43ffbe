package kz.prevention.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import kz.prevention.commons.identity.Bin;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.territory.KatoScope;
import kz.prevention.reference.organisation.Organisations;

class ReferenceCatalogsTest {

    private static final ReferenceCatalogs CATALOGS = new ReferenceCatalogs(new ObjectMapper(),
            ReferenceCatalogsTest.class.getClassLoader());
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void everyCatalogHasUniqueCodesAndNamesInThreeLanguages() {
        assertThat(CATALOGS.all()).hasSize(12);
        for (ReferenceCatalog c : CATALOGS.all()) {
            Set<String> codes = new HashSet<>();
            assertThat(c.version()).isNotBlank();
            assertThat(c.source()).isNotBlank();
            for (CatalogEntry e : c.entries()) {
                assertThat(codes.add(e.code())).as("%s: duplicate code %s", c.catalog(), e.code()).isTrue();
                assertThat(e.names()).as("%s/%s names", c.catalog(), e.code()).containsKeys("kk", "ru", "en");
                e.names().values().forEach(n -> assertThat(n).isNotBlank());
                assertThat(e.validFrom()).isNotNull();
            }
        }
    }

    @Test
    void theEighteenIndividualMeasuresNameOnlyKnownSubjectsAndControlRules() {
        ReferenceCatalog measures = CATALOGS.get(ReferenceCatalogs.INDIVIDUAL_MEASURES);
        List<String> subjects = CATALOGS.codes(ReferenceCatalogs.SUBJECTS);

        assertThat(measures.entries()).hasSize(18);
        for (CatalogEntry m : measures.entries()) {
            assertThat(subjects).containsAll(m.list("appliers"));
            assertThat(m.list("appliers")).isNotEmpty();
            assertThat(m.text("control")).get().isIn("WEEKLY", "TWICE_MONTHLY", "MONTHLY", "BY_RISK_LEVEL", "NONE");
        }
        assertThat(measures.entry("PROTECTIVE_ORDER").get().list("appliers")).containsExactly("POLICE");
        assertThat(measures.entry("PROTECTIVE_ORDER").get().number("minAge")).contains(16);
        assertThat(measures.entry("OFFICIAL_WARNING").get().text("control")).contains("TWICE_MONTHLY");
    }

    @Test
    void everyRegistryCategoryRestsOnAKnownMeasureAndGroup() {
        for (CatalogEntry c : CATALOGS.get(ReferenceCatalogs.REGISTRY_CATEGORIES).entries()) {
            assertThat(c.text("group")).get().isIn("ADULT", "PARENT", "MINOR");
            c.text("measure").ifPresent(m -> assertThat(CATALOGS.entry(ReferenceCatalogs.INDIVIDUAL_MEASURES, m)).isPresent());
        }
    }

    @Test
    void regionsAreNineDigitKatoCodes() {
        assertThat(CATALOGS.codes(ReferenceCatalogs.REGIONS)).allMatch(code -> code.matches("[0-9]{9}"))
                .contains("710000000", "750000000", "790000000");
    }

    @Test
    void requireAcceptsACodeInForceAndNamesTheFieldOtherwise() {
        assertThat(CATALOGS.require(ReferenceCatalogs.REMOVAL_REASONS, "DEATH", "reason", TODAY).code()).isEqualTo("DEATH");
        assertThatThrownBy(() -> CATALOGS.require(ReferenceCatalogs.REMOVAL_REASONS, "BORED", "reason", TODAY))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).errors()).extracting("field").containsExactly("reason"));
        assertThatThrownBy(() -> CATALOGS.require(ReferenceCatalogs.REMOVAL_REASONS, "DEATH", "reason",
                LocalDate.of(2025, 1, 1))).hasMessageContaining("not in force");
    }

    @Test
    void everyOrganisationHasAValidBinAKnownSubjectAndAKatoTerritory() {
        List<String> subjects = CATALOGS.codes(ReferenceCatalogs.SUBJECTS);
        for (CatalogEntry o : CATALOGS.get(ReferenceCatalogs.ORGANISATIONS).entries()) {
            assertThat(Bin.problem(o.code())).as("BIN %s", o.code()).isEmpty();
            assertThat(subjects).contains(o.text("agency").orElseThrow());
            assertThat(KatoScope.isCode(o.text("territory").orElseThrow())).as("territory of %s", o.code()).isTrue();
        }
        // Territories with inner zeros at region, district and rural-district level are served too.
        assertThat(CATALOGS.get(ReferenceCatalogs.ORGANISATIONS).entries()).extracting(o -> o.text("territory").orElseThrow())
                .contains("100000000", "271000000", "271010000");
    }

    @Test
    void anOrganisationIsFoundOnlyWhileInForceAndItsBinIsChecked() {
        Organisations organisations = new Organisations(CATALOGS);
        assertThat(organisations.require("990540004566", "organisation", TODAY))
                .isEqualTo(new Organisations.Organisation("990540004566", "EDUCATION", "751100000"));
        // School No. 44 was reorganised on 30 June 2026: assignable before, not after.
        assertThat(organisations.require("061040004570", "organisation", LocalDate.of(2026, 6, 30)).agency())
                .isEqualTo("EDUCATION");
        assertThatThrownBy(() -> organisations.require("061040004570", "organisation", LocalDate.of(2026, 7, 1)))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).type()).isEqualTo(kz.prevention.commons.problem.ProblemType.UNPROCESSABLE))
                .satisfies(e -> assertThat(((ProblemException) e).errors()).extracting("field").containsExactly("organisation"));
        assertThatThrownBy(() -> organisations.require("990540004560", "organisation", TODAY))
                .isInstanceOf(ProblemException.class).hasMessageNotContaining("990540004560")
                .satisfies(e -> assertThat(((ProblemException) e).type()).isEqualTo(kz.prevention.commons.problem.ProblemType.VALIDATION));
        // Found whatever its dates (an executor's view), unlike require (an assignment's rule).
        assertThat(organisations.find("061040004570")).get().extracting(Organisations.Organisation::territory)
                .isEqualTo("751100000");
        assertThat(organisations.find("150240006799")).isEmpty();
        // A valid BIN of an organisation the catalog does not hold.
        assertThatThrownBy(() -> organisations.require("150240006799", "organisation", TODAY))
                .satisfies(e -> assertThat(((ProblemException) e).type()).isEqualTo(kz.prevention.commons.problem.ProblemType.UNPROCESSABLE));
    }
}
