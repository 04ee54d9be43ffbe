package kz.prevention.commission.support;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.response.ValidatableResponse;
import kz.prevention.testing.AuthorizedRequests;
import kz.prevention.testing.TestTokens;

/**
 * Tokens and requests of commission-service's tests: secretaries of a territory, members known by
 * their username, and a commission with a full membership built in one call.
 */
public final class CommissionApi {

    /** Almaty's Bostandyk district and its neighbour Almaly district: two districts of one city. */
    public static final String ALMATY = "750000000";
    public static final String DISTRICT_X = "751100000";
    public static final String DISTRICT_Y = "751200000";
    public static final String ASTANA = "710000000";

    private CommissionApi() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Almaty"));
    }

    public static String secretary(String region) {
        return TestTokens.user("secretary." + region).roles("commission-secretary").agency("AKIMAT").region(region).sign();
    }

    public static String member(String username) {
        return TestTokens.user(username).roles("commission-member").agency("EDUCATION").region(ALMATY).sign();
    }

    public static String unique(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> commissionBody(String kind, String level, String territory) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("level", level);
        body.put("territory", territory);
        body.put("name", "Комиссия по делам несовершеннолетних и защите их прав акимата района");
        body.put("approvingAct", Map.of("authority", "MASLIKHAT", "number", "12/145", "date", "2026-02-14"));
        return body;
    }

    public static ValidatableResponse createCommission(String token, Map<String, Object> body) {
        return AuthorizedRequests.post(token, "/api/v1/commissions", null, body);
    }

    public static Map<String, Object> memberBody(String username, String role) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", "Сейткали Айгерім Нұрланқызы");
        body.put("username", username);
        body.put("agency", "EDUCATION");
        body.put("position", "руководитель отдела образования");
        body.put("role", role);
        body.put("from", today().minusMonths(6).toString());
        return body;
    }

    /** A commission with a chair, a deputy chair, a secretary-member and {@code plain} ordinary members. */
    public record Built(String id, String territory, String secretaryToken, String chair, List<String> members,
            Map<String, String> memberIds) {

        /** Every member's username, the chair first. */
        public List<String> everyone() {
            return members;
        }
    }

    /**
     * Creates a commission of a fresh territory within {@code parentRegion}'s scope and fills it:
     * the members are usernames unique to this run, so tests do not see each other's commissions.
     */
    public static Built commission(String kind, String level, String territory, int plain) {
        String sec = secretary(territory);
        String id = createCommission(sec, commissionBody(kind, level, territory)).statusCode(201).extract().path("id");
        List<String> usernames = new java.util.ArrayList<>();
        Map<String, String> ids = new LinkedHashMap<>();
        String chair = unique("chair");
        add(sec, id, chair, "CHAIR", usernames, ids);
        add(sec, id, unique("deputy"), "DEPUTY_CHAIR", usernames, ids);
        add(sec, id, unique("secretary"), "SECRETARY", usernames, ids);
        for (int i = 0; i < plain; i++) {
            add(sec, id, unique("member"), "MEMBER", usernames, ids);
        }
        return new Built(id, territory, sec, chair, usernames, ids);
    }

    private static void add(String sec, String id, String username, String role, List<String> usernames,
            Map<String, String> ids) {
        String memberId = AuthorizedRequests.post(sec, "/api/v1/commissions/" + id + "/members", null, memberBody(username, role))
                .statusCode(201).extract().path("id");
        usernames.add(username);
        ids.put(username, memberId);
    }

    private static final String[] REGIONS = {"10", "11", "15", "23", "27", "31", "33", "35", "39", "43", "47", "55",
            "59", "61", "62", "63"};
    private static final java.util.concurrent.atomic.AtomicInteger NEXT = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A district (KATO level 2) no other test of this run uses: each run has a fresh database, and
     * one commission of a kind per territory and level is the rule.
     */
    public static String freshDistrict() {
        int n = NEXT.getAndIncrement();
        return REGIONS[n % REGIONS.length] + String.format("%02d", 10 + n / REGIONS.length) + "00000";
    }
}
