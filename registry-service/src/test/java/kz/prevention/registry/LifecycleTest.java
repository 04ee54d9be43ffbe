package kz.prevention.registry;

import static kz.prevention.registry.support.RegistryApi.ALMATY;
import static kz.prevention.registry.support.RegistryApi.adult;
import static kz.prevention.registry.support.RegistryApi.approve;
import static kz.prevention.registry.support.RegistryApi.head;
import static kz.prevention.registry.support.RegistryApi.requested;
import static kz.prevention.registry.support.RegistryApi.document;
import static kz.prevention.registry.support.RegistryApi.etag;
import static kz.prevention.testing.AuthorizedRequests.get;
import static kz.prevention.testing.TestTokens.juvenile;
import static kz.prevention.registry.support.RegistryApi.minor;
import static kz.prevention.testing.TestTokens.officer;
import static kz.prevention.testing.AuthorizedRequests.patch;
import static kz.prevention.testing.AuthorizedRequests.post;
import static kz.prevention.registry.support.RegistryApi.registered;
import static kz.prevention.registry.support.RegistryApi.registration;
import static kz.prevention.testing.TestTokens.supervisor;
import static kz.prevention.registry.support.RegistryApi.today;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LifecycleTest {

    private final String token = officer(ALMATY);

    @Test
    void anUpdateWithTheCurrentETagApplies() {
        String id = registered(token, registration(adult(), "ADMINISTRATIVE_SUPERVISION", ALMATY));

        patch(token, "/api/v1/entries/" + id, etag(token, id), Map.of("riskLevel", "LOW",
                "responsibleOfficer", Map.of("name", "Нурланов Е. Б.", "rank", "майор полиции"))).statusCode(200)
                .body("riskLevel", equalTo("LOW"))
                .body("responsibleOfficer.name", equalTo("Нурланов Е. Б."))
                .body("nextControlDate", equalTo(today().minusDays(2).plusMonths(1).toString()));
    }

    @Test
    void theETagAnsweredToAChangeIsTheOneToSendWithTheNext() {
        String id = registered(token, registration(adult(), "OFFICIAL_WARNING", ALMATY));

        String answered = patch(token, "/api/v1/entries/" + id, etag(token, id), Map.of("registeringBody", "УП Алмалинского района"))
                .statusCode(200).extract().header("ETag");

        org.assertj.core.api.Assertions.assertThat(answered).isEqualTo(etag(token, id));
        patch(token, "/api/v1/entries/" + id, answered, Map.of("registeringBody", "УП Медеуского района")).statusCode(200);
    }

    @Test
    void aStaleIfMatchIsRefusedWith412AndChangesNothing() {
        String id = registered(token, registration(adult(), "OFFICIAL_WARNING", ALMATY));
        String stale = etag(token, id);
        patch(token, "/api/v1/entries/" + id, stale, Map.of("registeringBody", "УП Алмалинского района")).statusCode(200);

        patch(token, "/api/v1/entries/" + id, stale, Map.of("registeringBody", "УП Медеуского района")).statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:prevention:problem:precondition-failed"));
        get(token, "/api/v1/entries/" + id).body("registeringBody", equalTo("УП Алмалинского района"));
    }

    @Test
    void anUpdateWithoutIfMatchIsRefusedWith428() {
        String id = registered(token, registration(adult(), "OFFICIAL_WARNING", ALMATY));

        patch(token, "/api/v1/entries/" + id, null, Map.of("registeringBody", "x")).statusCode(428);
    }

    @Test
    void anExtensionMovesTheEndDateAndIsInTheHistory() {
        String id = registered(token, registration(adult(), "SPECIAL_REQUIREMENTS", ALMATY));
        String newEnd = today().plusDays(200).toString();

        String approval = requested(token, id, "extension", Map.of("newEndDate", newEnd,
                "reason", "риск сохраняется", "document", document("COURT_RULING")));
        get(token, "/api/v1/entries/" + id).body("measureEndDate", not(equalTo(newEnd)));
        approve(head(ALMATY), approval).statusCode(200).body("status", equalTo("APPROVED"));
        get(token, "/api/v1/entries/" + id).body("measureEndDate", equalTo(newEnd));

        get(token, "/api/v1/entries/" + id + "/history").statusCode(200)
                .body("action", hasItems("REGISTERED", "EXTENSION_REQUESTED", "EXTENSION_APPROVED", "EXTENDED"))
                .body("find { it.action == 'EXTENSION_REQUESTED' }.actor", equalTo("officer." + ALMATY))
                .body("find { it.action == 'EXTENDED' }.actor", equalTo("head." + ALMATY));
    }

    @Test
    void anExtensionBeyondTheLegalMaximumIsUnprocessable() {
        String id = registered(token, registration(adult(), "SPECIAL_REQUIREMENTS", ALMATY));

        post(token, "/api/v1/entries/" + id + "/extensions", etag(token, id), Map.of("newEndDate",
                today().plusYears(2).toString(), "reason", "x", "document", document("COURT_RULING"))).statusCode(422)
                .body("errors[0].field", equalTo("newEndDate"));
    }

    @Test
    void removalEndsTheEntryAndASecondRemovalConflicts() {
        String id = registered(token, registration(adult(), "OFFICIAL_WARNING", ALMATY));
        Map<String, Object> removal = Map.of("reason", "REFORMED", "removalDate", today().toString(),
                "document", document("POLICE_RESOLUTION"));

        String approval = requested(token, id, "removal", removal);
        get(token, "/api/v1/entries/" + id).body("status", equalTo("ACTIVE"));
        approve(head(ALMATY), approval).statusCode(200);
        get(token, "/api/v1/entries/" + id).statusCode(200)
                .body("status", equalTo("REMOVED"))
                .body("removal.reason", equalTo("REFORMED"))
                .body("nextControlDate", equalTo(null));

        post(token, "/api/v1/entries/" + id + "/removal", etag(token, id), removal).statusCode(409);
        get(token, "/api/v1/entries/" + id + "/history").body("action", hasItems("REGISTERED", "REMOVED"));
    }

    @Test
    void comingOfAgeIsNoGroundWhileStillAMinor() {
        String jt = juvenile(ALMATY);
        String id = registered(jt, registration(minor(16), "MINOR_SUBSTANCE_ABUSE", ALMATY));

        post(jt, "/api/v1/entries/" + id + "/removal", etag(jt, id), Map.of("reason", "CAME_OF_AGE",
                "removalDate", today().toString(), "document", document("POLICE_RESOLUTION"))).statusCode(422);
    }

    @Test
    void removalReasonsFitTheirEntries() {
        // An adult's entry is not removed because someone came of age ...
        String adultEntry = registered(token, registration(adult(), "OFFICIAL_WARNING", ALMATY));
        post(token, "/api/v1/entries/" + adultEntry + "/removal", etag(token, adultEntry), Map.of("reason", "CAME_OF_AGE",
                "removalDate", today().toString(), "document", document("POLICE_RESOLUTION"))).statusCode(422)
                .body("errors[0].field", equalTo("reason"));
        // ... and a term has not ended before its end date (a protective order runs 30 days).
        String order = registered(token, registration(adult(), "PROTECTIVE_ORDER", ALMATY));
        post(token, "/api/v1/entries/" + order + "/removal", etag(token, order), Map.of("reason", "TERM_ENDED",
                "removalDate", today().toString(), "document", document("POLICE_RESOLUTION"))).statusCode(422)
                .body("errors[0].field", equalTo("reason"));
        post(token, "/api/v1/entries/" + order + "/removal", etag(token, order), Map.of("reason", "REFORMED",
                "removalDate", today().toString(), "document", document("POLICE_RESOLUTION"))).statusCode(202);
    }

    @Test
    void theSupervisorReadsButCannotChange() {
        String id = registered(token, registration(adult(), "OFFICIAL_WARNING", ALMATY));
        String sv = supervisor();

        get(sv, "/api/v1/entries/" + id).statusCode(200);
        patch(sv, "/api/v1/entries/" + id, etag(sv, id), Map.of("registeringBody", "x")).statusCode(403);
        get(token, "/api/v1/entries/" + id).body("registeringBody", not(equalTo("x")));
    }
}
