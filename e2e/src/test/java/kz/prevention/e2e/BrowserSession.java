package kz.prevention.e2e;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An HTTP client that behaves like a browser where a login needs it: it keeps cookies, follows
 * redirects one by one (so each answer's Set-Cookie can be inspected), and fills in Keycloak's
 * login form. Enough for the BFF's login round trip; the web app's own pages are tested in
 * real Chromium.
 */
final class BrowserSession {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*\\baction=\"([^\"]+)\"", Pattern.DOTALL);

    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new LoopbackIsSecure(new CookieManager(null, CookiePolicy.ACCEPT_ALL)))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final List<String> setCookies = new ArrayList<>();

    /** Every Set-Cookie header this session received, in order. */
    List<String> setCookies() {
        return setCookies;
    }

    HttpResponse<String> get(String url, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
    }

    HttpResponse<String> post(String url, String contentType, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    /** Follows redirects from {@code first} until an answer that is not one. */
    HttpResponse<String> follow(HttpResponse<String> first) {
        HttpResponse<String> r = first;
        for (int hops = 0; hops < 10 && r.statusCode() / 100 == 3; hops++) {
            String location = r.headers().firstValue("Location").orElseThrow();
            r = get(r.uri().resolve(location).toString());
        }
        return r;
    }

    /** Fills in and posts the Keycloak login form shown in {@code loginPage}; returns Keycloak's answer. */
    HttpResponse<String> submitLogin(HttpResponse<String> loginPage, String username, String password) {
        Matcher m = FORM_ACTION.matcher(loginPage.body());
        if (loginPage.statusCode() != 200 || !m.find()) {
            throw new AssertionError("expected Keycloak's login form, got HTTP " + loginPage.statusCode() + " at "
                    + loginPage.uri());
        }
        String action = m.group(1).replace("&amp;", "&");
        return post(action, "application/x-www-form-urlencoded",
                form(Map.of("username", username, "password", password, "credentialId", "")));
    }

    private HttpResponse<String> send(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = client.send(builder.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            setCookies.addAll(r.headers().allValues("Set-Cookie"));
            return r;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /**
     * Sends {@code Secure} cookies to http://127.0.0.1 and http://localhost, as browsers do (they
     * count loopback as a secure context); Java's CookieManager sends them only over https, which
     * would lose Keycloak's and the gateway's session cookies on the test platform's plain HTTP.
     */
    private static final class LoopbackIsSecure extends java.net.CookieHandler {

        private final java.net.CookieHandler delegate;

        LoopbackIsSecure(java.net.CookieHandler delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return delegate.get(loopback(uri) ? secure(uri) : uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            delegate.put(uri, responseHeaders);
        }

        private static boolean loopback(URI uri) {
            return "http".equalsIgnoreCase(uri.getScheme())
                    && ("127.0.0.1".equals(uri.getHost()) || "localhost".equalsIgnoreCase(uri.getHost()));
        }

        private static URI secure(URI uri) {
            try {
                return new URI("https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
                        uri.getFragment());
            } catch (java.net.URISyntaxException e) {
                return uri;
            }
        }
    }
}
