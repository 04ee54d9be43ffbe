package kz.prevention.registry;

import static io.restassured.RestAssured.given;
import static kz.prevention.registry.support.RegistryApi.ALMATY;
import static kz.prevention.registry.support.RegistryApi.ASTANA;
import static kz.prevention.registry.support.RegistryApi.ASTANA_DISTRICT;
import static kz.prevention.registry.support.RegistryApi.ALMATY_DISTRICT;
import static kz.prevention.registry.support.RegistryApi.adult;
import static kz.prevention.testing.TestTokens.juvenile;
import static kz.prevention.registry.support.RegistryApi.minor;
import static kz.prevention.testing.TestTokens.officer;
import static kz.prevention.registry.support.RegistryApi.person;
import static kz.prevention.registry.support.RegistryApi.register;
import static kz.prevention.registry.support.RegistryApi.registration;
import static kz.prevention.registry.support.RegistryApi.today;
import static kz.prevention.registry.support.RegistryApi.withoutIin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import kz.prevention.testing.Iins;

@QuarkusTest
class RegistrationTest {

    @Test
    void anOfficerRegistersAnAdultInTheirTerritory() {
        Map<String, Object> body = registration(adult(), "PROTECTIVE_ORDER", ALMATY_DISTRICT);

        ExtractableResponse<Response> r = register(officer(ALMATY), body).statusCode(201)
                .header("Location", startsWith("/api/v1/entries/"))
                .header("ETag", notNullValue())
                .body("entry.status", equalTo("ACTIVE"))
                .body("entry.caseNumber", startsWith("75-" + today().getYear() + "-"))
                .body("entry.measure", equalTo("PROTECTIVE_ORDER"))
                .body("entry.measureEndDate", equalTo(today().minusDays(2).plusDays(30).toString()))
                .body("entry.controlFrequency", equalTo("WEEKLY"))
                .body("entry.nextControlDate", equalTo(today().minusDays(2).plusDays(7).toString()))
                .body("entry.person.birthDate", equalTo(birthDateOf((String) ((Map<?, ?>) body.get("person")).get("iin"))))
                .body("entry.person.sex", equalTo("M"))
                .body("personReused", equalTo(false))
                .extract();
        assertThat(r.header("ETag")).isEqualTo("\"" + r.path("entry.version") + "\"");
    }

    @Test
    void aSecondRegistrationOfTheSameIinReusesThePerson() {
        Map<String, Object> p = adult();
        String first = register(officer(ALMATY), registration(p, "OFFICIAL_WARNING", ALMATY)).statusCode(201)
                .extract().path("entry.person.id");

        register(officer(ALMATY), registration(p, "PAROLE", ALMATY)).statusCode(201)
                .body("personReused", equalTo(true))
                .body("entry.person.id", equalTo(first));
    }

    @Test
    void registeringByTheIdOfAPersonKeptElsewhereLooksLikeAMissingPerson() {
        var astana = register(officer(ASTANA), registration(adult(), "OFFICIAL_WARNING", ASTANA)).statusCode(201).extract();
        String personId = astana.path("entry.person.id");
        String iin = astana.path("entry.person.iin");
        Map<String, Object> byId = registration(adult(), "PAROLE", ALMATY);
        byId.remove("person");
        byId.put("personId", personId);

        String answer = register(officer(ALMATY), byId).statusCode(422)
                .body("errors[0].field", equalTo("personId")).extract().asString();
        assertThat(answer).doesNotContain(iin).doesNotContain("Ахметов");
        Map<String, Object> missing = new java.util.LinkedHashMap<>(byId);
        missing.put("personId", UUID.randomUUID().toString());
        String missingAnswer = register(officer(ALMATY), missing).statusCode(422).extract().path("errors[0].message");
        assertThat(missingAnswer).isEqualTo(
                given().auth().oauth2(officer(ALMATY)).contentType(ContentType.JSON).body(byId).post("/api/v1/entries")
                        .then().extract().path("errors[0].message"));
    }

    @Test
    void onlyAnAgencyThatKeepsTheRegistryRegisters() {
        String school = kz.prevention.testing.TestTokens.user("officer.school").roles("registry-officer")
                .agency("EDUCATION").region(ALMATY).sign();
        register(school, registration(adult(), "OFFICIAL_WARNING", ALMATY)).statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("does not keep the preventive registry"));
        String economic = kz.prevention.testing.TestTokens.user("officer.economic").roles("registry-officer")
                .agency("ECONOMIC").region(ALMATY).sign();
        register(economic, registration(adult(), "OFFICIAL_WARNING", ALMATY)).statusCode(403);
    }

    @Test
    void aKnownIinSentWithOtherNamesIsRefusedWithoutRevealingTheStoredOnes() {
        Map<String, Object> p = adult();
        register(officer(ALMATY), registration(p, "OFFICIAL_WARNING", ALMATY)).statusCode(201);
        Map<String, Object> typo = new java.util.LinkedHashMap<>(p);
        typo.put("lastName", "Сапаров");

        register(officer(ALMATY), registration(typo, "PAROLE", ALMATY)).statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.contains("person.lastName"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Ахметов")));
        // The same names in another case and with ё for е are the same person.
        Map<String, Object> sameNames = new java.util.LinkedHashMap<>(p);
        sameNames.put("lastName", "АХМЕТОВ");
        register(officer(ALMATY), registration(sameNames, "PAROLE", ALMATY)).statusCode(201)
                .body("personReused", equalTo(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PROTECTIVE_ORDER", "SPECIAL_REQUIREMENTS", "PAROLE", "ADMINISTRATIVE_SUPERVISION",
            "OFFICIAL_WARNING", "NON_CUSTODIAL_SENTENCE", "UNEXPUNGED_CONVICTION", "NEGLIGENT_PARENT"})
    void everyAdultCategoryCanBeRegistered(String category) {
        register(officer(ALMATY), registration(adult(), category, ALMATY)).statusCode(201)
                .body("entry.category", equalTo(category))
                .body("entry.minor", equalTo(false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MINOR_NEGLECTED_HOMELESS", "MINOR_SPECIAL_SCHOOL_GRADUATE", "MINOR_SUBSTANCE_ABUSE",
            "MINOR_EDUCATIONAL_MEASURES", "MINOR_RELEASED_FROM_PRISON", "MINOR_RELEASED_FROM_LIABILITY",
            "MINOR_BELOW_CRIMINAL_AGE", "MINOR_SUSPECT_NON_CUSTODIAL"})
    void everyMinorsCategoryCanBeRegisteredByAJuvenileInspector(String category) {
        register(juvenile(ALMATY), registration(minor(15), category, ALMATY)).statusCode(201)
                .body("entry.category", equalTo(category))
                .body("entry.categoryGroup", equalTo("MINOR"))
                .body("entry.minor", equalTo(true));
    }

    @Test
    void aMinorCannotBeRegisteredWithoutTheJuvenileRole() {
        register(officer(ALMATY), registration(minor(15), "MINOR_SUBSTANCE_ABUSE", ALMATY)).statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aMinorsCategoryNeedsAMinor() {
        register(juvenile(ALMATY), registration(adult(), "MINOR_SUBSTANCE_ABUSE", ALMATY)).statusCode(422)
                .body("errors.field", hasItem("category"));
    }

    @Test
    void aProtectiveOrderNeedsAPersonOfSixteen() {
        register(juvenile(ALMATY), registration(minor(15), "PROTECTIVE_ORDER", ALMATY)).statusCode(422)
                .body("errors.field", hasItem("measure"))
                .body("detail", org.hamcrest.Matchers.containsString("from age 16"));
    }

    @Test
    void anIinWithAWrongCheckDigitIsABadRequest() {
        String iin = Iins.withWrongCheckDigit(Iins.of(LocalDate.of(1988, 3, 3), 'F'));

        register(officer(ALMATY), registration(person(iin), "OFFICIAL_WARNING", ALMATY)).statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("person.iin"))
                .body("errors[0].message", equalTo("check digit does not match"));
    }

    @Test
    void anIinEncodingAnImpossibleDateIsABadRequest() {
        register(officer(ALMATY), registration(person("901332300017"), "OFFICIAL_WARNING", ALMATY)).statusCode(400)
                .body("errors.field", hasItem("person.iin"));
    }

    @Test
    void aBirthDateContradictingTheIinIsUnprocessable() {
        Map<String, Object> p = adult();
        p.put("birthDate", "1970-01-01");

        register(officer(ALMATY), registration(p, "OFFICIAL_WARNING", ALMATY)).statusCode(422)
                .body("errors.field", hasItem("person.birthDate"));
    }

    @Test
    void aPersonWithoutIinWhoLooksLikeAKnownOneIsRegisteredWithAWarning() {
        LocalDate born = LocalDate.of(1979, 5, 17).plusDays(new java.util.Random().nextInt(3000));
        Map<String, Object> first = withoutIin(born);
        String firstPerson = register(officer(ALMATY), registration(first, "OFFICIAL_WARNING", ALMATY)).statusCode(201)
                .body("warnings", hasSize(0)).extract().path("entry.person.id");
        Map<String, Object> lookAlike = new java.util.HashMap<>(first);
        lookAlike.put("lastName", oneLetterOff((String) first.get("lastName")));

        register(officer(ALMATY), registration(lookAlike, "PAROLE", ALMATY)).statusCode(201)
                .body("personReused", equalTo(false))
                .body("warnings", hasSize(1))
                .body("warnings[0].candidatePersonId", equalTo(firstPerson));
    }

    /** Issue 10: a birth date off by one digit of its ISO form, or with day and month swapped, still finds the look-alike. */
    @ParameterizedTest(name = "{0} → {1}")
    @org.junit.jupiter.params.provider.CsvSource({"1984-03-11, 1984-03-12", "1984-03-11, 1984-08-11",
            "1984-03-11, 1985-03-11", "1984-03-11, 1994-03-11", "1984-03-11, 1984-11-03"})
    void aBirthDateOffByADigitOrWithDayAndMonthSwappedStillFindsTheLookAlike(String known, String typed) {
        Map<String, Object> first = withoutIin(LocalDate.parse(known));
        String firstPerson = register(officer(ALMATY), registration(first, "OFFICIAL_WARNING", ALMATY)).statusCode(201)
                .extract().path("entry.person.id");
        Map<String, Object> lookAlike = new java.util.HashMap<>(first);
        lookAlike.put("birthDate", typed);
        // and the names swapped, as the existing rule tolerates
        lookAlike.put("lastName", first.get("firstName"));
        lookAlike.put("firstName", first.get("lastName"));

        register(officer(ALMATY), registration(lookAlike, "PAROLE", ALMATY)).statusCode(201)
                .body("personReused", equalTo(false))
                .body("warnings", hasSize(1))
                .body("warnings[0].candidatePersonId", equalTo(firstPerson))
                .body("warnings[0].message", org.hamcrest.Matchers.containsString("a digit apart"));
    }

    @Test
    void aBirthDateTwoDigitsApartIsNoLookAlike() {
        Map<String, Object> first = withoutIin(LocalDate.of(1984, 3, 11));
        register(officer(ALMATY), registration(first, "OFFICIAL_WARNING", ALMATY)).statusCode(201);
        Map<String, Object> other = new java.util.HashMap<>(first);
        other.put("birthDate", "1984-04-12");

        register(officer(ALMATY), registration(other, "PAROLE", ALMATY)).statusCode(201).body("warnings", hasSize(0));
    }

    @Test
    void aLookAlikeKeptByAnotherTerritoryIsWarnedAboutWithoutItsId() {
        LocalDate born = LocalDate.of(1975, 2, 3).plusDays(new java.util.Random().nextInt(3000));
        Map<String, Object> astana = withoutIin(born);
        astana.put("address", Map.of("text", "г. Астана", "kato", ASTANA_DISTRICT));
        String hidden = register(officer(ASTANA), registration(astana, "OFFICIAL_WARNING", ASTANA)).statusCode(201)
                .extract().path("entry.person.id");
        Map<String, Object> lookAlike = new java.util.HashMap<>(astana);
        lookAlike.put("lastName", oneLetterOff((String) astana.get("lastName")));
        lookAlike.put("address", Map.of("text", "г. Алматы", "kato", ALMATY_DISTRICT));

        String answer = registeredInAlmatyWithAWarningWithoutId(lookAlike);
        assertThat(answer).doesNotContain(hidden);
    }

    /** Registers {@code lookAlike} in Almaty: one warning, naming no person, saying the match is outside the caller's scope. */
    private static String registeredInAlmatyWithAWarningWithoutId(Map<String, Object> lookAlike) {
        return register(officer(ALMATY), registration(lookAlike, "PAROLE", ALMATY)).statusCode(201)
                .body("warnings", hasSize(1))
                .body("warnings[0].candidatePersonId", org.hamcrest.Matchers.nullValue())
                .body("warnings[0].message", org.hamcrest.Matchers.containsString("outside your scope"))
                .extract().asString();
    }

    @Test
    void aLookAlikeWithABirthDateADigitApartKeptByAnotherTerritoryIsWarnedAboutWithoutItsId() {
        Map<String, Object> astana = withoutIin(LocalDate.of(1986, 7, 14));
        astana.put("address", Map.of("text", "г. Астана", "kato", ASTANA_DISTRICT));
        String hidden = register(officer(ASTANA), registration(astana, "OFFICIAL_WARNING", ASTANA)).statusCode(201)
                .extract().path("entry.person.id");
        Map<String, Object> lookAlike = new java.util.HashMap<>(astana);
        lookAlike.put("birthDate", "1986-07-19");
        lookAlike.put("address", Map.of("text", "г. Алматы", "kato", ALMATY_DISTRICT));

        String answer = registeredInAlmatyWithAWarningWithoutId(lookAlike);
        assertThat(answer).doesNotContain(hidden).doesNotContain("1986-07-14");
    }

    /** "Бекамиру" → "Бекамиры": one letter changed, still a similar name. */
    private static String oneLetterOff(String name) {
        char last = name.charAt(name.length() - 1);
        return name.substring(0, name.length() - 1) + (last == 'а' ? 'е' : 'а');
    }

    @Test
    void aPersonWithoutIinNeedsBirthDateAndSex() {
        Map<String, Object> p = person(null);
        p.remove("iin");

        register(officer(ALMATY), registration(p, "OFFICIAL_WARNING", ALMATY)).statusCode(400)
                .body("errors.field", hasItem("person.birthDate"))
                .body("errors.field", hasItem("person.sex"));
    }

    @Test
    void theSameCategoryTwiceWhileActiveIsAConflict() {
        Map<String, Object> p = adult();
        register(officer(ALMATY), registration(p, "OFFICIAL_WARNING", ALMATY)).statusCode(201);

        register(officer(ALMATY), registration(p, "OFFICIAL_WARNING", ALMATY)).statusCode(409)
                .body("type", equalTo("urn:prevention:problem:conflict"));
    }

    @Test
    void registeringOutsideYourTerritoryIsForbidden() {
        register(officer(ALMATY), registration(adult(), "OFFICIAL_WARNING", "711210000")).statusCode(403)
                .body("errors.field", hasItem("region"));
    }

    @Test
    void anUnknownCategoryNamesWhereTheValidCodesAre() {
        register(officer(ALMATY), registration(adult(), "BAD_PEOPLE", ALMATY)).statusCode(400)
                .body("errors[0].field", equalTo("category"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("/api/v1/catalogs/registry-categories"));
    }

    @Test
    void aTermLongerThanTheLawAllowsIsUnprocessable() {
        Map<String, Object> body = registration(adult(), "PROTECTIVE_ORDER", ALMATY);
        body.put("measureEndDate", today().plusDays(90).toString());

        register(officer(ALMATY), body).statusCode(422).body("errors[0].field", equalTo("measureEndDate"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstResult() {
        Map<String, Object> body = registration(adult(), "OFFICIAL_WARNING", ALMATY);
        String key = UUID.randomUUID().toString();
        String token = officer(ALMATY);

        ExtractableResponse<Response> first = given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).when().post("/api/v1/entries").then().statusCode(201).extract();
        ExtractableResponse<Response> retry = given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).when().post("/api/v1/entries").then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract();

        assertThat(retry.<String>path("entry.id")).isEqualTo(first.path("entry.id"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        given().auth().oauth2(token).header("X-Purpose", "case-42").queryParam("iin", ((Map<?, ?>) body.get("person")).get("iin"))
                .when().get("/api/v1/entries").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void anIdempotencyKeyReusedForAnotherRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        String token = officer(ALMATY);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(registration(adult(), "OFFICIAL_WARNING", ALMATY)).when().post("/api/v1/entries").then().statusCode(201);

        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(registration(adult(), "OFFICIAL_WARNING", ALMATY)).when().post("/api/v1/entries").then()
                .statusCode(422).body("detail", org.hamcrest.Matchers.containsString("Idempotency-Key"));
    }

    @Test
    void aMisspeltStatusInASearchIsA400NamingTheParameterNotA404() {
        given().auth().oauth2(officer(ALMATY)).when().get("/api/v1/entries?status=ACTIV").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"))
                .body("detail", org.hamcrest.Matchers.containsString("ACTIVE"));
        given().auth().oauth2(officer(ALMATY)).when().get("/api/v1/entries?status=ACTIVE").then().statusCode(200);
    }

    /** The birth date an IIN encodes: YYMMDD, the century from the seventh digit (3/4: 1900s, 5/6: 2000s). */
    private static String birthDateOf(String iin) {
        int century = iin.charAt(6) <= '4' ? 1900 : 2000;
        return java.time.LocalDate.of(century + Integer.parseInt(iin.substring(0, 2)), Integer.parseInt(iin.substring(2, 4)),
                Integer.parseInt(iin.substring(4, 6))).toString();
    }
}
