package kz.prevention.registry;

import static kz.prevention.registry.support.RegistryApi.ALMATY;
import static kz.prevention.registry.support.RegistryApi.ALMATY_DISTRICT;
import static kz.prevention.registry.support.RegistryApi.adult;
import static kz.prevention.registry.support.RegistryApi.register;
import static kz.prevention.registry.support.RegistryApi.registration;

import java.util.Set;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import kz.prevention.registry.support.RegistryApi;
import kz.prevention.testing.AuthorizedRequests;
import kz.prevention.testing.OpenApiExamplesContract;
import kz.prevention.testing.PlatformTestResource;
import kz.prevention.testing.TestTokens;

/** The registry's published request examples are accepted as they are (ids and ETags from fresh fixtures). */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "registry"))
class OpenApiExamplesTest extends OpenApiExamplesContract {

    private final String officer = TestTokens.officer(ALMATY);

    /**
     * Acts on a fresh entry whose example's date is fixed: a fresh entry starts on a later day as the calendar
     * moves (these were refused from 2026-11-27 on), so the act's date is today's, as for the prosecutor's copy.
     */
    private static final java.util.Map<String, String> ACT_DATES = java.util.Map.of(
            "remove", "removalDate", "record", "visitDate");

    @Override
    protected Prepared prepare(String operationId, String exampleName) {
        return switch (operationId) {
            case "register" -> exampleName.equals("knownPerson")
                    ? Prepared.as(officer).override("personId", freshEntry().path("entry.person.id"))
                    : Prepared.as(officer);
            case "personUpdate" -> {
                String personId = freshEntry().path("entry.person.id");
                String etag = AuthorizedRequests.get(officer, "/api/v1/persons/" + personId).statusCode(200)
                        .extract().header("ETag");
                yield Prepared.as(officer).path("id", personId).header("If-Match", etag);
            }
            case "extend" -> {
                // The calendar moves: a protective order first set to end in 8 days, extended to 20 days
                // from today, stays inside its 30 days in all (Art. 60).
                var body = registration(adult(), "PROTECTIVE_ORDER", ALMATY_DISTRICT);
                body.put("measureEndDate", RegistryApi.today().plusDays(8).toString());
                String entryId = register(officer, body).statusCode(201).extract().path("entry.id");
                yield Prepared.as(officer).path("id", entryId).header("If-Match", RegistryApi.etag(officer, entryId))
                        .override("newEndDate", RegistryApi.today().plusDays(20).toString());
            }
            case "check" -> Prepared.as(TestTokens.user("service-account-commission-service").roles("registry-check").sign())
                    .header("X-Purpose", "openapi-example");
            case "approveApproval", "rejectApproval" -> {
                String entryId = freshEntry().path("entry.id");
                String approval = RegistryApi.requested(officer, entryId, "removal", RegistryApi.removal());
                yield Prepared.as(TestTokens.head(ALMATY)).path("id", approval);
            }
            case "recordProsecutorCopy" -> {
                String entryId = register(officer, registration(adult(), "OFFICIAL_WARNING", ALMATY_DISTRICT)).statusCode(201)
                        .extract().path("entry.id");
                yield Prepared.as(officer).path("id", entryId).header("If-Match", RegistryApi.etag(officer, entryId))
                        .override("sentOn", RegistryApi.today().toString());
            }
            case "recordFileReview" -> Prepared.as(TestTokens.head(ALMATY)).path("id", freshEntry().path("entry.id"))
                    .override("reviewedOn", RegistryApi.today().toString());
            case "identifyPerson" -> {
                // A person registered without an IIN; for the merge, a person holding the IIN their birth date gives.
                java.time.LocalDate born = RegistryApi.today().minusYears(33)
                        .minusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(4000));
                String iin = kz.prevention.testing.Iins.of(born, 'M');
                String personId = register(officer, registration(RegistryApi.withoutIin(born), "OFFICIAL_WARNING",
                        ALMATY_DISTRICT)).statusCode(201).extract().path("entry.person.id");
                String etag = AuthorizedRequests.get(officer, "/api/v1/persons/" + personId).statusCode(200)
                        .extract().header("ETag");
                Prepared prepared = Prepared.as(officer).path("id", personId).header("If-Match", etag).override("iin", iin);
                if (exampleName.equals("merge")) {
                    String holder = register(officer, registration(RegistryApi.person(iin), "PROTECTIVE_ORDER", ALMATY_DISTRICT))
                            .statusCode(201).extract().path("entry.person.id");
                    prepared = prepared.override("survivorId", holder);
                }
                yield prepared;
            }
            default -> {
                String entryId = freshEntry().path("entry.id");
                Prepared prepared = Prepared.as(officer).path("id", entryId).header("If-Match", RegistryApi.etag(officer, entryId));
                String actDate = ACT_DATES.get(operationId);
                yield actDate == null ? prepared : prepared.override(actDate, RegistryApi.today().toString());
            }
        };
    }

    /** Accepting a transfer needs a second territory's officer and an approved transfer; work items come from the deadline monitor. */
    @Override
    protected Set<String> examplesStillMissing() {
        return Set.of("accept", "reject", "resolve");
    }

    private ExtractableResponse<Response> freshEntry() {
        return register(officer, registration(adult(), "PROTECTIVE_ORDER", ALMATY_DISTRICT)).statusCode(201).extract();
    }
}
