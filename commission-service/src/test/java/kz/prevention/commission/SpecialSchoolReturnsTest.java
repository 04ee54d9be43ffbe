package kz.prevention.commission;

import static kz.prevention.commission.support.CommissionApi.commission;
import static kz.prevention.commission.support.CommissionApi.freshDistrict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;

import io.quarkus.test.junit.QuarkusTest;
import kz.prevention.commission.support.CommissionApi.Built;
import kz.prevention.commission.support.Events;
import kz.prevention.testing.AuthorizedRequests;

/**
 * A child back from a special school is proposed to the district's commission on minors' affairs,
 * to be examined within 3 working days of the return (Art. 80; days from the agenda kinds' file).
 */
@QuarkusTest
class SpecialSchoolReturnsTest {

    @Inject
    AgroalDataSource dataSource;

    /** A Tuesday; Wednesday 16 December is Independence Day, so three working days end on Monday the 21st. */
    private static final LocalDate RETURNED = LocalDate.of(2026, 12, 15);

    @Test
    void aMinorsCompletedSpecialSchoolPlacementIsProposedToBeExaminedWithinThreeWorkingDaysPastTheHoliday() {
        String district = freshDistrict();
        Built minors = commission("MINORS_AFFAIRS", "DISTRICT", district, 1);
        Built interdepartmental = commission("INTERDEPARTMENTAL", "DISTRICT", district, 1);
        String ruralDistrict = district.substring(0, 4) + "10000";
        Events.PlanMeasure placement = Events.PlanMeasure.assign(ruralDistrict, "SPECIAL_SCHOOL", true);
        placement.complete(RETURNED);

        List<Map<String, Object>> items = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> returns(minors), l -> !l.isEmpty());
        assertThat(items).hasSize(1);
        Map<String, Object> item = items.get(0);
        assertThat(item).containsEntry("entryId", placement.entryId().toString()).containsEntry("status", "PROPOSED")
                .containsEntry("source", "EVENT").containsEntry("region", ruralDistrict)
                .containsEntry("examineBy", "2026-12-21");
        AuthorizedRequests.get(minors.secretaryToken(), "/api/v1/agenda-items/" + item.get("id")).statusCode(200);
        assertThat(returns(interdepartmental)).isEmpty();

        // A redelivered completion proposes nothing new; the next event shows the first was consumed.
        placement.redeliverCompletion(RETURNED);
        Events.PlanMeasure second = Events.PlanMeasure.assign(ruralDistrict, "SPECIAL_SCHOOL", true);
        second.complete(RETURNED);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> returns(minors), l -> l.size() == 2);
        assertThat(returns(minors)).extracting(m -> m.get("entryId"))
                .containsExactlyInAnyOrder(placement.entryId().toString(), second.entryId().toString());
    }

    @Test
    void otherMeasuresAndCancelledPlacementsProposeNoReturn() {
        String district = freshDistrict();
        Built minors = commission("MINORS_AFFAIRS", "DISTRICT", district, 1);
        Events.PlanMeasure escort = Events.PlanMeasure.assign(district, "PEDAGOGICAL_ESCORT", true);
        escort.complete(RETURNED);
        Events.PlanMeasure cancelled = Events.PlanMeasure.assign(district, "SPECIAL_SCHOOL", true);
        cancelled.cancel(RETURNED);
        Events.PlanMeasure adult = Events.PlanMeasure.assign(district, "SPECIAL_SCHOOL", false);
        adult.complete(RETURNED);
        // Once the handler has applied both events of each measure, whatever they would propose is there.
        for (Events.PlanMeasure m : List.of(escort, cancelled, adult)) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> appliedVersion(m) == 2);
        }
        assertThat(returns(minors)).isEmpty();
    }

    /** The last version of the measure's events the return proposals' consumer applied (0 before any). */
    private long appliedVersion(Events.PlanMeasure m) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT max(last_version) FROM inbox_aggregate WHERE consumer LIKE '%special-school-returns' AND aggregateid = ?")) {
            ps.setString(1, m.id().toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<Map<String, Object>> returns(Built c) {
        return AuthorizedRequests.get(c.secretaryToken(), "/api/v1/commissions/" + c.id() + "/agenda-items").statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("findAll { it.kind == 'RETURNED_FROM_SPECIAL_SCHOOL' }");
    }
}
