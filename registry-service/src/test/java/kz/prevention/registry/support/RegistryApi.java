package kz.prevention.registry.support;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import kz.prevention.testing.AuthorizedRequests;
import kz.prevention.testing.Iins;
import kz.prevention.testing.TestTokens;

/** Requests and tokens for the registry's tests. */
public final class RegistryApi {

    public static final String ALMATY = "750000000";
    public static final String ALMATY_DISTRICT = "751110000";
    public static final String ASTANA = "710000000";
    public static final String ASTANA_DISTRICT = "711210000";

    private RegistryApi() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Almaty"));
    }

    public static String juvenileOnly(String region) {
        return TestTokens.user("juvenile-only." + region).roles("juvenile-inspector").agency("POLICE").region(region).sign();
    }

    public static Map<String, Object> person(String iin) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("iin", iin);
        p.put("lastName", "Ахметов");
        p.put("firstName", "Данияр");
        p.put("middleName", "Серикович");
        p.put("citizenship", "KAZ");
        p.put("address", Map.of("text", "г. Алматы, ул. Абая, 10", "kato", ALMATY_DISTRICT));
        return p;
    }

    /**
     * A new adult. Birth dates vary as well as the IIN's serial: 10,000 serials on one birth date
     * collide within a few hundred registrations (the test database is shared by all test classes),
     * and a collision reuses a person, which the one-active-entry-per-category rule then refuses.
     */
    public static Map<String, Object> adult() {
        return person(Iins.of(today().minusYears(30).minusDays(10 + java.util.concurrent.ThreadLocalRandom.current()
                .nextInt(3000)), 'M'));
    }

    /**
     * A person without an IIN (a foreigner), born on the day, with a last and a first name of their
     * own: look-alike tests must meet only their own persons, and every other test's person is
     * "Ахметов Данияр" (the test database is shared, and a look-alike's birth date may be a digit
     * away from any of theirs).
     */
    public static Map<String, Object> withoutIin(java.time.LocalDate born) {
        Map<String, Object> p = person(null);
        p.remove("iin");
        p.put("lastName", uniqueName() + "ов");
        p.put("firstName", uniqueName());
        p.put("birthDate", born.toString());
        p.put("sex", "M");
        p.put("citizenship", "UZB");
        return p;
    }

    /** Eight random Cyrillic letters, consonant and vowel in turn, capitalised: "Бекамиру". */
    public static String uniqueName() {
        String consonants = "бвгджзклмнпрстфхш";
        String vowels = "аеиоуы";
        var random = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            String from = i % 2 == 0 ? consonants : vowels;
            sb.append(from.charAt(random.nextInt(from.length())));
        }
        return Character.toUpperCase(sb.charAt(0)) + sb.substring(1);
    }

    /** A new minor of exactly this age. */
    public static Map<String, Object> minor(int age) {
        return person(Iins.of(today().minusYears(age).minusDays(40 + java.util.concurrent.ThreadLocalRandom.current()
                .nextInt(300)), 'M'));
    }

    public static Map<String, Object> registration(Map<String, Object> person, String category, String region) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("person", person);
        r.put("category", category);
        r.put("groundingDocument", Map.of("type", "COURT_RULING", "number", "2-" + System.nanoTime(),
                "date", today().minusDays(3).toString(), "issuer", "Специализированный суд г. Алматы"));
        r.put("registeringBody", "УП Бостандыкского района ДП г. Алматы");
        r.put("responsibleOfficer", Map.of("name", "Сапаров А. К.", "rank", "капитан полиции"));
        r.put("region", region);
        r.put("startDate", today().minusDays(2).toString());
        return r;
    }

    public static ValidatableResponse register(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/entries").then();
    }

    /** Registers and returns the new entry's id, failing unless it is created. */
    public static String registered(String token, Map<String, Object> body) {
        return register(token, body).statusCode(201).extract().path("entry.id");
    }

    public static String etag(String token, String entryId) {
        return AuthorizedRequests.get(token, "/api/v1/entries/" + entryId).statusCode(200).extract().header("ETag");
    }

    public static Map<String, Object> document(String type) {
        return Map.of("type", type, "number", "D-" + System.nanoTime(), "date", today().toString(),
                "issuer", "Специализированный суд г. Алматы");
    }

    /** A removal on the REFORMED ground, dated today. */
    public static Map<String, Object> removal() {
        return removal("REFORMED");
    }

    public static Map<String, Object> removal(String reason) {
        return Map.of("reason", reason, "removalDate", today().toString(), "document", document("POLICE_RESOLUTION"));
    }

    /** Requests the change (removal, extension, transfer) and returns the pending approval's id, failing unless 202. */
    public static String requested(String token, String entryId, String change, Map<String, Object> body) {
        String path = "/api/v1/entries/" + entryId + switch (change) {
            case "removal" -> "/removal";
            case "extension" -> "/extensions";
            case "transfer" -> "/transfer";
            default -> throw new IllegalArgumentException(change);
        };
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag(token, entryId))
                .body(body).when().post(path).then().statusCode(202).extract().path("id");
    }

    public static ValidatableResponse approve(String token, String approvalId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/approvals/" + approvalId + "/approve").then();
    }

    public static ValidatableResponse reject(String token, String approvalId, String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .when().post("/api/v1/approvals/" + approvalId + "/reject").then();
    }

    /** The authorised head of the police body of the territory, as TestTokens.head makes it. */
    public static String head(String region) {
        return TestTokens.head(region);
    }
}
