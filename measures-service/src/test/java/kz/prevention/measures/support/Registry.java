package kz.prevention.measures.support;

import static io.restassured.RestAssured.given;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

/** Steers the {@link RegistryDouble} from a test: what the registry answers for a person, and what it was asked. */
public final class Registry {

    private Registry() {
    }

    private static String base() {
        return ConfigProvider.getConfig().getValue(RegistryDouble.URL_PROPERTY, String.class);
    }

    /** The person has an active entry: the registry answers with this name and age. */
    public static void knows(UUID personId, String name, int age) {
        control("personId=" + personId + "&mode=ON&age=" + age + "&name="
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** GONE (no active entry: 404, the default) or DOWN (503). */
    public static void answers(UUID personId, String mode) {
        control("personId=" + personId + "&mode=" + mode);
    }

    private static void control(String form) {
        given().baseUri(base()).contentType("application/x-www-form-urlencoded").body(form)
                .post("/control/persons").then().statusCode(204);
    }

    /** One entry per summary asked about the person: organisation, Authorization header, X-Purpose header. */
    public static List<String[]> requestsAbout(UUID personId) {
        String all = given().baseUri(base()).get("/control/requests").then().statusCode(200).extract().asString();
        return Arrays.stream(all.split("\n")).map(l -> l.split("\t")).filter(f -> f.length == 4 && f[0].equals(personId.toString()))
                .map(f -> new String[] {f[1], f[2], f[3]}).toList();
    }
}
