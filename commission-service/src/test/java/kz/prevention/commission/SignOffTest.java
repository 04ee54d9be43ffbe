package kz.prevention.commission;

import static kz.prevention.commission.support.CommissionApi.commission;
import static kz.prevention.commission.support.CommissionApi.freshDistrict;
import static kz.prevention.commission.support.CommissionApi.member;
import static kz.prevention.commission.support.Sitting.instruction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import kz.prevention.commission.support.Sitting;
import kz.prevention.testing.AuthorizedRequests;
import kz.prevention.testing.PublishedEvents;

/** The chair's sign-off: final decisions, the published decision.adopted, and the minutes PDF with Kazakh text. */
@QuarkusTest
class SignOffTest {

    private static final String KAZAKH = "Комиссия шешімі: ә ғ қ ң ө ұ ү һ і — Әділет, Ғылым, Құқық, Өмір, Ұлт, Үкімет, Һ, Іс";

    @Inject
    AgroalDataSource dataSource;

    private static Sitting sitting() {
        return Sitting.today(commission("MINORS_AFFAIRS", "DISTRICT", freshDistrict(), 3));
    }

    @Test
    void aSignedDecisionIsPublishedAsTheCatalogsDecisionAdoptedAndNeverChanges() {
        Sitting s = sitting();
        String item = s.item("NEGLIGENT_PARENT");
        UUID entry = UUID.randomUUID();
        String decision = s.draft(item, KAZAKH, List.of(instruction("EDUCATION", "PEDAGOGICAL_ESCORT", entry, 30),
                instruction("POLICE", "PUBLIC_PLACES", null, 60))).statusCode(201).extract().path("id");
        s.present(4);
        s.vote(s.member(0), item, "FOR").statusCode(200);
        s.vote(s.member(1), item, "FOR").statusCode(200);
        s.vote(s.member(2), item, "FOR").statusCode(200);

        s.signOff(s.member(0)).statusCode(200).body("status", equalTo("SIGNED"));

        JsonNode d = AuthorizedRequests.get(s.commission.secretaryToken(), "/api/v1/decisions/" + decision).statusCode(200)
                .body("status", equalTo("ADOPTED")).body("votesFor", equalTo(3)).extract().as(JsonNode.class);
        String etag = AuthorizedRequests.get(s.commission.secretaryToken(), "/api/v1/decisions/" + decision).extract().header("ETag");
        AuthorizedRequests.patch(s.commission.secretaryToken(), "/api/v1/decisions/" + decision, etag, Map.of("text", "иначе"))
                .statusCode(409).contentType("application/problem+json");

        JsonNode event = PublishedEvents.on("prevention.commission.decisions", dataSource).stream()
                .filter(e -> e.path("subject").asText().equals(decision)).findFirst().orElseThrow();
        assertThat(event.path("type").asText()).isEqualTo("kz.prevention.commission.decision.adopted.v1");
        assertThat(event.path("source").asText()).isEqualTo("/commission-service");
        JsonNode data = event.path("data");
        assertThat(data.path("commissionKind").asText()).isEqualTo("MINORS");
        assertThat(data.path("commissionId").asText()).isEqualTo(s.commission.id());
        assertThat(data.path("region").asText()).isEqualTo(s.commission.territory());
        assertThat(data.path("instructions")).hasSize(2);
        assertThat(data.path("instructions").get(0).path("instructionId").asText())
                .isEqualTo(d.path("instructions").get(0).path("id").asText());
        assertThat(data.path("instructions").get(0).path("entryId").asText()).isEqualTo(entry.toString());
        assertThat(data.path("instructions").get(1).path("entryId").isNull()).isTrue();
        assertThat(data.toString()).doesNotContain("Сейткали").doesNotContain("ә ғ");
        AuthorizedRequests.get(s.commission.secretaryToken(), "/api/v1/decisions/" + decision + "/history").statusCode(200)
                .body("action", org.hamcrest.Matchers.hasItems("DRAFTED", "ADOPTED"));
    }

    @Test
    void theMinutesPdfCarriesTheDecisionsAndTheKazakhLettersAndItsReadIsAudited() throws Exception {
        Sitting s = sitting();
        String item = s.item("AGENCY_HEAD_REPORT");
        s.draft(item, KAZAKH, List.of(instruction("POLICE", "PUBLIC_PLACES", null, 60))).statusCode(201);
        s.present(4);
        for (int i = 0; i < 4; i++) {
            s.vote(s.member(i), item, "FOR").statusCode(200);
        }
        s.signOff(s.member(0)).statusCode(200);

        byte[] pdf = RestAssured.given().auth().oauth2(member(s.member(3))).accept("application/pdf")
                .get("/api/v1/sessions/" + s.session + "/minutes").then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();

        // HEAD answers for the same document: its length, no bytes.
        RestAssured.given().auth().oauth2(member(s.member(3))).accept("application/pdf")
                .head("/api/v1/sessions/" + s.session + "/minutes").then().statusCode(200)
                .header("Content-Length", String.valueOf(pdf.length));

        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text).contains(KAZAKH).contains("ПРОТОКОЛ ЗАСЕДАНИЯ № 1").contains("Сейткали Айгерім Нұрланқызы");
        for (String letter : List.of("ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і")) {
            assertThat(text).contains(letter);
        }
        assertThat(count("SELECT count(*) FROM audit_log WHERE resource_type = 'session-minutes' AND resource_id = ?",
                s.session)).isPositive();
    }

    /** A client generated from the document must read the minutes as bytes, not parse a PDF as a JSON object. */
    @Test
    void theMinutesAreDocumentedAsABinaryPdf() {
        RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/sessions/{id}/minutes'.get.responses.'200'.content.'application/pdf'.schema.type",
                        equalTo("string"))
                .body("paths.'/api/v1/sessions/{id}/minutes'.get.responses.'200'.content.'application/pdf'.schema.format",
                        equalTo("binary"));
    }

    @Test
    void onlyThePresidingChairSignsAndOnlyWithAQuorum() {
        Sitting s = sitting();
        s.item("AGENCY_HEAD_REPORT");
        s.signOff(s.member(0)).statusCode(409);
        s.present(3);
        s.signOff(s.member(0)).statusCode(409);
        s.present(4);
        s.signOff(s.member(1)).statusCode(403);
        s.signOff(s.member(3)).statusCode(403);
        AuthorizedRequests.post(s.commission.secretaryToken(), "/api/v1/sessions/" + s.session + "/sign-off", null, Map.of())
                .statusCode(403);
        s.signOff(s.member(0)).statusCode(200);
        s.signOff(s.member(0)).statusCode(409);
    }

    @Test
    void anUndecidedItemReturnsForALaterSessionAndARejectedDecisionIsNotPublished() {
        Sitting s = sitting();
        String undecided = s.item("AGENCY_HEAD_REPORT");
        String rejected = s.item("SIX_MONTHLY_ASSESSMENT");
        String decision = s.draft(rejected, "Отклонить", List.of(instruction("POLICE", "PUBLIC_PLACES", null, 60)))
                .statusCode(201).extract().path("id");
        s.present(4);
        s.vote(s.member(0), rejected, "AGAINST").statusCode(200);
        s.vote(s.member(1), rejected, "AGAINST").statusCode(200);
        s.vote(s.member(2), rejected, "FOR").statusCode(200);
        s.signOff(s.member(0)).statusCode(200);

        AuthorizedRequests.get(s.commission.secretaryToken(), "/api/v1/agenda-items/" + undecided).statusCode(200)
                .body("status", equalTo("DEFERRED")).body("sessionId", equalTo(null));
        AuthorizedRequests.get(s.commission.secretaryToken(), "/api/v1/decisions/" + decision).statusCode(200)
                .body("status", equalTo("REJECTED")).body("instructions[0].status", equalTo("CANCELLED"));
        assertThat(PublishedEvents.count("prevention.commission.decisions", dataSource, decision,
                "kz.prevention.commission.decision.adopted.v1")).isZero();
    }

    private long count(String sql, String arg) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, arg);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
