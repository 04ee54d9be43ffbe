package kz.prevention.commission.support;

import static io.restassured.RestAssured.given;

import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;

/** Steers the {@link RegistryDouble} from a test: what the registry answers for an IIN, and what it was asked. */
public final class Registry {

    private Registry() {
    }

    private static String base() {
        return ConfigProvider.getConfig().getValue(RegistryDouble.URL_PROPERTY, String.class);
    }

    /** ON (on the registry), OFF (not on it), DOWN (503). */
    public static void answers(String iin, String mode) {
        given().baseUri(base()).contentType("application/x-www-form-urlencoded").body("iin=" + iin + "&mode=" + mode)
                .post("/control/answers").then().statusCode(204);
    }

    /** One line per check received: the IIN, the Authorization header, the X-Purpose header. */
    public static List<String[]> checksOf(String iin) {
        String all = given().baseUri(base()).get("/control/requests").then().statusCode(200).extract().asString();
        return Arrays.stream(all.split("\n")).map(l -> l.split("\t")).filter(f -> f.length == 3 && f[0].equals(iin)).toList();
    }
}
