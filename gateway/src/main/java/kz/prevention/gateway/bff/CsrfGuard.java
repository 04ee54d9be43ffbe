package kz.prevention.gateway.bff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import kz.prevention.gateway.config.BffConfig;

/**
 * CSRF protection for the web app's changes, in two layers: a request that a browser marks as
 * cross-site ({@code Sec-Fetch-Site}) or that comes from another {@code Origin} is refused, and
 * every change must echo the {@code XSRF-TOKEN} cookie in the {@code X-XSRF-TOKEN} header (double
 * submit: another site can make the browser send the cookie, but cannot read it). The session
 * cookie is also SameSite. Written here because quarkus-rest-csrf guards JAX-RS form endpoints,
 * while the web app's API calls pass through the proxy routes.
 */
@ApplicationScoped
public class CsrfGuard {

    public static final String COOKIE = "XSRF-TOKEN";
    public static final String HEADER = "X-XSRF-TOKEN";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BffConfig config;

    public CsrfGuard(BffConfig config) {
        this.config = config;
    }

    /** Null when the request may proceed, otherwise why it is refused. */
    public String refusal(HttpServerRequest request) {
        if (SAFE.contains(request.method())) {
            return null;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return "A change from another site is refused (Sec-Fetch-Site: " + site + ")";
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equals(ownOrigin(request))) {
            return "A change from another origin is refused";
        }
        Cookie cookie = request.getCookie(COOKIE);
        String header = request.getHeader(HEADER);
        if (cookie == null || header == null || cookie.getValue().isEmpty()
                || !MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.UTF_8),
                        header.getBytes(StandardCharsets.UTF_8))) {
            return "A change needs the " + HEADER + " header echoing the " + COOKIE
                    + " cookie; read GET /bff/session first";
        }
        return null;
    }

    /** A fresh token cookie; readable by the app's script (not HttpOnly), never sent cross-site. */
    public Cookie newTokenCookie() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Cookie.cookie(COOKIE, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))
                .setPath("/")
                .setHttpOnly(false)
                .setSecure(config.secureCookies())
                .setSameSite(CookieSameSite.STRICT);
    }

    private static String ownOrigin(HttpServerRequest request) {
        return request.scheme() + "://" + request.authority();
    }
}
