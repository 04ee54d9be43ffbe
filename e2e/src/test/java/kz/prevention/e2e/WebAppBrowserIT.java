package kz.prevention.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The commission secretaries' web app in headless Chromium (Debian's, see {@link Chromium}) against
 * the running platform: the secretary signs in through the real Keycloak login page, schedules a
 * sitting (a server-side field error shown next to its field first), accepts the minor's case the
 * platform proposed, takes attendance, drafts the decision with an instruction; the chair, in her
 * own browser, votes and signs the minutes; two members vote over the API with their own tokens;
 * measures-service makes a measure of the instruction, and the secretary follows it on the
 * execution page, then switches to Kazakh on the same page. axe-core checks every main page;
 * screenshots at laptop and tablet width are kept in {@code e2e/target/screenshots}.
 */
@ExtendWith(RunningPlatform.class)
class WebAppBrowserIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Almaty"));
    private static final String DISTRICT = "751700000";
    private static final String HOME = "751710000";
    private static final String COMMISSION_NAME =
            "Комиссия по делам несовершеннолетних и защите их прав акимата Медеуского района";
    private static final String CHAIR = "chair.almaty";
    private static final List<String> MEMBERS = List.of(CHAIR, "member.almaty", "member2.almaty", "member3.almaty");
    private static final Path SCREENSHOTS = Path.of("target/screenshots").toAbsolutePath();
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.");

    private static Playwright playwright;
    private static Browser browser;
    private static Map<String, Map<String, String>> messages;
    private final List<String> accessibilityProblems = new ArrayList<>();

    @BeforeAll
    static void launchChromium() throws IOException {
        Path chromium = Chromium.executable();
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
                .setHeadless(true).setArgs(Chromium.ARGS));
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        Files.createDirectories(SCREENSHOTS);
        messages = new LinkedHashMap<>();
        Path i18n = Path.of("").toAbsolutePath().getParent().resolve("gateway/src/main/resources/META-INF/resources/app/assets/i18n");
        for (String lang : List.of("kk", "ru", "en")) {
            messages.put(lang, new ObjectMapper().readValue(i18n.resolve(lang + ".json").toFile(),
                    new TypeReference<Map<String, String>>() { }));
        }
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void secretaryTakesAProposedMinorsCaseThroughASittingToAMeasureAndReadsTheResultInKazakh() {
        // Set-up over the API, as the city's secretary would have done before: the commission and its members.
        String secretaryToken = Keycloak.userToken("secretary.almaty", Keycloak.COMMISSION);
        String commissionId = createCommission(secretaryToken);
        Map<String, String> memberIds = new LinkedHashMap<>();
        for (String username : MEMBERS) {
            memberIds.put(username, addMember(secretaryToken, commissionId, username, username.equals(CHAIR) ? "CHAIR" : "MEMBER"));
        }
        // The juvenile inspector registers a minor living in the district: the platform proposes the case.
        String entryId = Registrations.minor(Keycloak.userToken("juvenile.almaty", Keycloak.REGISTRY), HOME);
        String itemId = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> proposedItem(secretaryToken, commissionId, entryId), id -> id != null);

        BrowserContext secretary = newContext();
        Page page = secretary.newPage();
        signIn(page, "secretary.almaty");

        // My commissions: keyboard first — the skip link is the first stop and moves the focus to the content.
        assertThat(page.locator("#page-title")).hasText(ru("commissions.title"));
        page.keyboard().press("Tab");
        assertThat(page.locator(".skip-link")).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("main")).isFocused();
        shootAndCheck(page, "01-commissions");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(COMMISSION_NAME)).click();
        assertThat(page.locator("#page-title")).hasText(COMMISSION_NAME);

        // Schedule a sitting: without a place the service's 400 problem shows next to the field.
        Locator place = page.getByLabel(ru("session.place"), new Page.GetByLabelOptions().setExact(true));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(ru("sessions.scheduleButton"))).click();
        assertThat(place).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#" + place.getAttribute("id") + "-error")).isVisible();
        assertThat(page.locator("#messages")).containsText(ru("problem.400"));
        place.fill("Акимат Медеуского района, зал заседаний, 10:00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(ru("sessions.scheduleButton"))).click();
        assertThat(page.locator("#messages")).containsText(before(ru("sessions.scheduled"), "{"));
        String sessionName = ru("session.name").replace("{number}", "1");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(sessionName))).isVisible();

        // Accept the proposed case onto that sitting, with a reason.
        Locator proposal = page.locator("article[data-item='" + itemId + "']");
        assertThat(proposal).isVisible();
        shootAndCheck(page, "02-commission");
        proposal.getByLabel(ru("proposals.reason")).fill("Материалы инспектора по делам несовершеннолетних полные");
        proposal.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(ru("proposals.accept")).setExact(true)).click();
        assertThat(page.locator("#messages")).containsText(before(ru("proposals.done.acceptance"), "{"));
        assertThat(proposal).hasCount(0);

        // The sitting: attendance of three of four gives the quorum (two thirds, rounded up: 3).
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(sessionName)).click();
        assertThat(page.locator("#page-title")).containsText(sessionName.substring(sessionName.indexOf("№")));
        for (String present : List.of(CHAIR, "member.almaty", "member2.almaty")) {
            page.getByLabel("Член комиссии " + present + " (").check();
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(ru("attendance.save"))).click();
        assertThat(page.locator("#quorum")).containsText(ru("attendance.quorate"));

        // The decision with one instruction to the education department.
        Locator item = page.locator("article[data-item='" + itemId + "']");
        item.getByLabel(ru("decision.text")).fill("Организовать индивидуальную профилактическую работу с несовершеннолетним");
        item.getByLabel(ru("decision.legalBasis")).fill("ст. 79 Закона РК «О профилактике правонарушений»");
        item.getByLabel(ru("instruction.agency")).selectOption("EDUCATION");
        item.getByLabel(ru("instruction.measureType")).selectOption("PEDAGOGICAL_ESCORT");
        item.getByLabel(ru("instruction.content")).fill("Обеспечить педагогическое сопровождение — ә ғ қ ң ө ұ ү һ і");
        item.getByLabel(ru("instruction.dueDate")).fill(TODAY.plusDays(30).toString());
        item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(ru("decision.save"))).click();
        Locator decision = item.locator("section.decision");
        assertThat(decision).containsText(ru("decisionStatus.DRAFT"));
        String decisionId = decision.getAttribute("data-decision");
        shootAndCheck(page, "03-session-secretary");

        // The chair, in her own browser, reads the materials and votes; two members vote with their own tokens.
        BrowserContext chairContext = newContext();
        Page chair = chairContext.newPage();
        signIn(chair, CHAIR);
        String sessionId = session(secretaryToken, commissionId);
        chair.navigate(gateway() + "/app/#/sessions/" + sessionId);
        Locator chairsItem = chair.locator("article[data-item='" + itemId + "']");
        chairsItem.getByLabel(ru("choice.FOR"), new Locator.GetByLabelOptions().setExact(true)).check();
        chairsItem.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(ru("votes.cast"))).click();
        assertThat(chair.locator("#messages")).containsText(before(ru("votes.cast.done"), "{"));
        assertThat(chairsItem.locator(".my-vote")).containsText(ru("choice.FOR"));
        shootAndCheck(chair, "04-session-chair");
        vote("member.almaty", itemId);
        vote("member2.almaty", itemId);
        chair.reload();
        assertThat(chairsItem.locator(".tally")).containsText(ru("outcome.ADOPTED"));
        chair.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(ru("signOff.button"))).click();
        assertThat(chair.locator("#messages")).containsText(ru("signOff.done"));
        chairContext.close();

        // The secretary sees the adopted decision and the signed minutes.
        page.reload();
        assertThat(decision).containsText(ru("decisionStatus.ADOPTED"));
        Locator minutes = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(ru("session.minutes")));
        assertThat(minutes).isVisible();
        var pdf = secretary.request().get(gateway() + minutes.getAttribute("href"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");

        // measures-service made a measure of the instruction.
        String juvenile = Keycloak.userToken("juvenile.almaty", Keycloak.MEASURES);
        String measuresUrl = RunningPlatform.serviceUrl("measures-service") + "/api/v1";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> given()
                .auth().oauth2(juvenile).get(measuresUrl + "/decisions/" + decisionId + "/instructions").then()
                .statusCode(200).body("$", hasSize(1)).body("[0].status", equalTo("APPLIED")));
        String measureId = given().auth().oauth2(juvenile).get(measuresUrl + "/decisions/" + decisionId + "/instructions")
                .then().extract().path("[0].measureId");
        assertThat(measureId).isNotNull();
        given().auth().oauth2(juvenile).get(measuresUrl + "/measures/" + measureId).then().statusCode(200)
                .body("decisionId", equalTo(decisionId));

        // Execution control: the instruction, linked to its measure.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(COMMISSION_NAME)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(ru("execution.link"))).click();
        assertThat(page.locator("#page-title")).containsText(before(ru("execution.heading"), "{"));
        Locator row = page.locator("tr[data-instruction]");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            page.reload();
            assertThat(page.locator("main")).hasAttribute("aria-busy", "false");
            assertThat(row.textContent()).contains(ru("instructionStatus.ASSIGNED"));
        });
        assertThat(row).containsText("ә ғ қ ң ө ұ ү һ і");
        shootAndCheck(page, "05-execution");

        // Kazakh, on the same page, and remembered.
        String hash = (String) page.evaluate("() => location.hash");
        page.getByLabel(ru("app.language")).selectOption("kk");
        assertThat(page.locator("html")).hasAttribute("lang", "kk");
        assertThat(page.locator("#page-title")).hasText(kk("execution.heading").replace("{name}", COMMISSION_NAME));
        assertThat(row).containsText(kk("instructionStatus.ASSIGNED"));
        assertThat(page.locator("main")).containsText(kk("month." + TODAY.getMonthValue()));
        assertThat(page.locator("nav[aria-labelledby=nav-label] a")).hasText(kk("nav.commissions"));
        assertThat(page.evaluate("() => location.hash")).isEqualTo(hash);
        page.reload();
        assertThat(page.locator("#page-title")).hasText(kk("execution.heading").replace("{name}", COMMISSION_NAME));
        shootAndCheck(page, "06-execution-kk");

        // An overdue instruction is highlighted, by colour and by a badge. No instruction can be overdue
        // on the day of its sitting (see CommissionFlowIT), so the service's own answer is replayed
        // with the instruction past its due date, for this one request of the page.
        JsonNode listed = readJson(secretary.request().get(gateway() + "/bff/api/commission/v1/commissions/" + commissionId
                + "/execution/instructions?status=ALL").text());
        ((com.fasterxml.jackson.databind.node.ObjectNode) listed.get(0)).put("overdue", true)
                .put("dueDate", TODAY.minusDays(2).toString()).put("overdueSince", TODAY.minusDays(1).toString());
        page.route(url -> url.contains("/execution/instructions?status=OVERDUE"), route -> route.fulfill(
                new com.microsoft.playwright.Route.FulfillOptions().setStatus(200).setContentType("application/json")
                        .setBody(listed.toString())));
        page.getByLabel(kk("execution.filter"), new Page.GetByLabelOptions().setExact(true)).selectOption("OVERDUE");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(kk("execution.show"))).click();
        assertThat(page.locator("tr.overdue[data-instruction]")).containsText(kk("execution.overdueBadge"));
        shootAndCheck(page, "07-execution-overdue-kk");
        page.unrouteAll();

        // The browser holds cookies only: the session's is HttpOnly and SameSite, and no token is in reach of a script.
        List<Cookie> sessionCookies = secretary.cookies().stream().filter(c -> c.name.startsWith("q_session")).toList();
        assertThat(sessionCookies).isNotEmpty().allSatisfy(c -> {
            assertThat(c.httpOnly).as(c.name + " HttpOnly").isTrue();
            assertThat(c.sameSite).as(c.name + " SameSite").isIn(SameSiteAttribute.LAX, SameSiteAttribute.STRICT);
        });
        String script = (String) page.evaluate("() => JSON.stringify({ cookies: document.cookie,"
                + " local: Object.entries(localStorage), session: Object.entries(sessionStorage) })");
        assertThat(script).doesNotContain("q_session").doesNotContainPattern(JWT)
                .doesNotContainIgnoringCase("access_token").doesNotContainIgnoringCase("id_token");

        secretary.close();
        assertThat(accessibilityProblems).as("serious or critical axe-core violations").isEmpty();
    }

    /** The accessibility check can fail: a page with an unlabelled field is reported as critical. */
    @Test
    void axeReportsAnUnlabelledField() {
        BrowserContext context = newContext();
        Page page = context.newPage();
        page.route("http://axe.check.invalid/", route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                .setContentType("text/html").setBody("<!doctype html><html lang=\"en\"><title>t</title><main><input type=\"text\">"
                        + "</main></html>")));
        page.navigate("http://axe.check.invalid/");

        List<JsonNode> serious = AxeCore.serious(AxeCore.violations(page));

        assertThat(serious).extracting(v -> v.path("id").asText()).contains("label");
        context.close();
    }

    // ------------------------------------------------------------------ browser helpers

    private static JsonNode readJson(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private BrowserContext newContext() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900)
                .setLocale("ru-RU").setTimezoneId("Asia/Almaty"));
        context.setDefaultTimeout(20_000);
        AxeCore.addTo(context);
        return context;
    }

    /** Opens the app and signs in on Keycloak's own login page. */
    private static void signIn(Page page, String username) {
        page.navigate(gateway() + "/app/");
        page.waitForURL(url -> url.startsWith(RunningPlatform.config().issuer()));
        page.locator("#username").fill(username);
        page.locator("#password").fill(username);
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(gateway() + "/app/"));
        assertThat(page.locator("main")).hasAttribute("aria-busy", "false");
        assertThat(page.locator("#who")).not().isEmpty();
    }

    /** Screenshots at laptop (1366) and tablet (768) width, and axe-core at both. */
    private void shootAndCheck(Page page, String name) {
        assertThat(page.locator("main")).hasAttribute("aria-busy", "false");
        for (int width : new int[] {1366, 768}) {
            page.setViewportSize(width, width == 1366 ? 900 : 1024);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + "-" + width + ".png")).setFullPage(true));
            JsonNode violations = AxeCore.violations(page);
            if (!violations.isEmpty()) {
                System.out.println("[axe] " + name + " at " + width + ": " + violations);
            }
            AxeCore.serious(violations).forEach(v -> accessibilityProblems.add(name + "@" + width + ": " + v));
        }
        page.setViewportSize(1366, 900);
    }

    private static String ru(String key) {
        return message("ru", key);
    }

    private static String kk(String key) {
        return message("kk", key);
    }

    private static String message(String lang, String key) {
        String text = messages.get(lang).get(key);
        assertThat(text).as("%s in %s.json", key, lang).isNotNull();
        return text;
    }

    /** The text of a message before its first placeholder. */
    private static String before(String text, String marker) {
        int i = text.indexOf(marker);
        return (i < 0 ? text : text.substring(0, i)).strip();
    }

    private static String gateway() {
        return RunningPlatform.serviceUrl("gateway");
    }

    // ------------------------------------------------------------------ API set-up (direct to the services, as CommissionFlowIT)

    private static String createCommission(String secretary) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "MINORS_AFFAIRS");
        body.put("level", "DISTRICT");
        body.put("territory", DISTRICT);
        body.put("name", COMMISSION_NAME);
        body.put("approvingAct", Map.of("authority", "MASLIKHAT", "number", "14/201", "date", TODAY.minusMonths(8).toString()));
        return given().auth().oauth2(secretary).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body).post(commissionUrl("/commissions"))
                .then().statusCode(201).extract().path("id");
    }

    private static String addMember(String secretary, String commission, String username, String role) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", "Член комиссии " + username);
        body.put("username", username);
        body.put("agency", role.equals("CHAIR") ? "AKIMAT" : "POLICE");
        body.put("position", role.equals("CHAIR") ? "заместитель акима района" : "инспектор");
        body.put("role", role);
        body.put("from", TODAY.minusMonths(6).toString());
        return given().auth().oauth2(secretary).contentType(ContentType.JSON).body(body)
                .post(commissionUrl("/commissions/" + commission + "/members")).then().statusCode(201).extract().path("id");
    }

    private static String proposedItem(String secretary, String commission, String entryId) {
        JsonPath items = given().auth().oauth2(secretary).get(commissionUrl("/commissions/" + commission + "/agenda-items"))
                .then().statusCode(200).extract().jsonPath();
        return items.getString("find { it.entryId == '" + entryId + "' }.id");
    }

    private static String session(String secretary, String commission) {
        return given().auth().oauth2(secretary).get(commissionUrl("/commissions/" + commission + "/sessions"))
                .then().statusCode(200).body("$", hasSize(1)).extract().path("[0].id");
    }

    private static void vote(String username, String item) {
        given().auth().oauth2(Keycloak.userToken(username, Keycloak.COMMISSION)).contentType(ContentType.JSON).body(Map.of("choice", "FOR"))
                .post(commissionUrl("/agenda-items/" + item + "/votes")).then().statusCode(200);
    }

    private static String commissionUrl(String path) {
        return RunningPlatform.serviceUrl("commission-service") + "/api/v1" + path;
    }
}
