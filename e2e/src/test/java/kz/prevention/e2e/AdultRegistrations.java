package kz.prevention.e2e;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;

/**
 * An adult under a protective order registered in Almaty's Bostandyk district (751110000) from
 * yesterday's order, with a new valid IIN each time: the entry the end-to-end flows start from.
 */
final class AdultRegistrations {

    private AdultRegistrations() {
    }

    /** Registers one through registry-service with the officer's token; returns the entry's id. */
    static String register(String officerToken) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Almaty"));
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("iin", Iins.of(today.minusYears(30).minusDays(ThreadLocalRandom.current().nextInt(3000))));
        person.put("lastName", "Ахметов");
        person.put("firstName", "Данияр");
        person.put("citizenship", "KAZ");
        person.put("address", Map.of("text", "г. Алматы, ул. Абая, 10", "kato", "751110000"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("person", person);
        body.put("category", "PROTECTIVE_ORDER");
        body.put("groundingDocument", Map.of("type", "PROTECTIVE_ORDER", "number", "ЗП-" + System.nanoTime(),
                "date", today.minusDays(1).toString(), "issuer", "УП Бостандыкского района"));
        body.put("registeringBody", "УП Бостандыкского района ДП г. Алматы");
        body.put("responsibleOfficer", Map.of("name", "Сапаров А. К.", "rank", "капитан полиции"));
        body.put("region", "751110000");
        body.put("startDate", today.minusDays(1).toString());
        return given().auth().oauth2(officerToken).contentType(ContentType.JSON).body(body)
                .post(RunningPlatform.serviceUrl("registry-service") + "/api/v1/entries")
                .then().statusCode(201).extract().path("entry.id");
    }
}
