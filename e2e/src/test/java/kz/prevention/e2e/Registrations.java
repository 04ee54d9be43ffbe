package kz.prevention.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;

/**
 * The registry entries the end-to-end flows start from, registered through registry-service with a
 * new valid IIN each time: an adult under a protective order in Almaty's Bostandyk district, or a
 * minor abusing substances in a district of the caller's choosing.
 */
final class Registrations {

    private Registrations() {
    }

    /** A registered adult: the entry's id and the person's IIN and names, as registered. */
    record Adult(String entryId, String iin, String lastName, String firstName) {
    }

    /** An adult under yesterday's protective order in 751110000; returns the entry's id. */
    static String adult(String officerToken) {
        return registeredAdult(officerToken).entryId();
    }

    /** The same, with what identifies the person (for flows that ask about them by IIN). */
    static Adult registeredAdult(String officerToken) {
        LocalDate today = today();
        Map<String, Object> person = person(today.minusYears(30).minusDays(random(3000)), "Ахметов", "Данияр",
                "г. Алматы, ул. Абая, 10", "751110000");
        Map<String, Object> body = body(person, "PROTECTIVE_ORDER", "751110000", today);
        body.put("groundingDocument", Map.of("type", "PROTECTIVE_ORDER", "number", "ЗП-" + System.nanoTime(),
                "date", today.minusDays(1).toString(), "issuer", "УП Бостандыкского района"));
        return new Adult(register(officerToken, body, false), (String) person.get("iin"), "Ахметов", "Данияр");
    }

    /** A 14–15-year-old on a juvenile court's ruling, living and registered in {@code district}; the entry's id. */
    static String minor(String juvenileToken, String district) {
        LocalDate today = today();
        Map<String, Object> body = body(person(today.minusYears(15).minusDays(40 + random(300)), "Касымов", "Ерлан",
                "г. Алматы, ул. Тимирязева, 15", district), "MINOR_SUBSTANCE_ABUSE", district, today);
        body.put("groundingDocument", Map.of("type", "COURT_RULING", "number", "2-" + System.nanoTime(),
                "date", today.minusDays(3).toString(), "issuer", "Специализированный суд по делам несовершеннолетних г. Алматы"));
        return register(juvenileToken, body, true);
    }

    private static Map<String, Object> person(LocalDate born, String lastName, String firstName, String address,
            String kato) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("iin", Iins.of(born));
        person.put("lastName", lastName);
        person.put("firstName", firstName);
        person.put("citizenship", "KAZ");
        person.put("address", Map.of("text", address, "kato", kato));
        return person;
    }

    private static Map<String, Object> body(Map<String, Object> person, String category, String region, LocalDate today) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("person", person);
        body.put("category", category);
        body.put("registeringBody", "УП района ДП г. Алматы");
        body.put("responsibleOfficer", Map.of("name", "Сапаров А. К.", "rank", "капитан полиции"));
        body.put("region", region);
        body.put("startDate", today.minusDays(1).toString());
        return body;
    }

    private static String register(String token, Map<String, Object> body, boolean minor) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post(RunningPlatform.serviceUrl("registry-service") + "/api/v1/entries")
                .then().statusCode(201).body("entry.minor", equalTo(minor)).extract().path("entry.id");
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Almaty"));
    }

    private static int random(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }
}
