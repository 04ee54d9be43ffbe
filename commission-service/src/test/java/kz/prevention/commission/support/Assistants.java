package kz.prevention.commission.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.restassured.response.ValidatableResponse;
import kz.prevention.testing.AuthorizedRequests;
import kz.prevention.testing.Iins;
import kz.prevention.testing.TestTokens;

/** Tokens and requests of the public-assistant tests: the district's police officer and akimat officer, an application. */
public final class Assistants {

    private Assistants() {
    }

    /** A law-enforcement officer of the territory: registry-officer of the police. */
    public static String police(String region) {
        return TestTokens.officer(region);
    }

    public static String akimat(String region) {
        return TestTokens.user("akimat." + region).roles("akimat-officer").agency("AKIMAT").region(region).sign();
    }

    /** An adult's IIN (30 years and some days old). */
    public static String adultIin() {
        return Iins.of(CommissionApi.today().minusYears(30).minusDays(10 + (long) (Math.random() * 3000)), 'F');
    }

    /** An application from an address inside the district, every declared check clear. */
    public static Map<String, Object> application(String iin, String district, LocalDate appliedOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("iin", iin);
        body.put("lastName", "Жұмабекова");
        body.put("firstName", "Әлия");
        body.put("middleName", "Серікқызы");
        body.put("addressKato", district.substring(0, 4) + "10123");
        if (appliedOn != null) {
            body.put("appliedOn", appliedOn.toString());
        }
        Map<String, Object> declared = new LinkedHashMap<>();
        declared.put("notUnderInvestigation", true);
        declared.put("noIntentionalOffencePenaltyWithinYear", true);
        declared.put("notOnDrugRegister", true);
        declared.put("notOnPsychiatricRegister", true);
        body.put("declarations", declared);
        return body;
    }

    public static ValidatableResponse file(String district, Map<String, Object> body) {
        return AuthorizedRequests.post(police(district), "/api/v1/public-assistants", null, body);
    }

    /** Filed (the registry answering "not on it") and registered by the district's akimat: its id. */
    public static String registered(String district) {
        String id = file(district, application(adultIin(), district, null)).statusCode(201).extract().path("id");
        AuthorizedRequests.post(akimat(district), "/api/v1/public-assistants/" + id + "/registration", null, Map.of())
                .statusCode(200);
        return id;
    }
}
