package kz.prevention.gateway;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kz.prevention.testing.Ports;
import kz.prevention.testing.TestKeys;
import kz.prevention.testing.TestTokens;

/**
 * The gateway's test resource (it owns no database and uses no broker, so it needs no more):
 * real HTTP servers on free ports standing in for the services behind the gateway (registry,
 * measures, reporting), plus a port where nothing listens (commission, "down"). They echo what
 * they received, answer problems, stall, hang up, break off an answer, and stream large or endless bodies, so routing,
 * headers, limits, timeouts and disconnects are tested over real sockets. Also the web app's login
 * configuration: the authorization endpoint is only looked at (the redirect), never called.
 */
public class UpstreamStandIns implements QuarkusTestResourceLifecycleManager {

    public static final int BIG_BODY = 8 * 1024 * 1024;

    /** Requests each stand-in path received, so a test can wait until the gateway has forwarded one. */
    private static final Map<String, AtomicInteger> ARRIVED = new ConcurrentHashMap<>();

    private Vertx vertx;

    /** How many requests for {@code path} (the service's own path, e.g. {@code /api/v1/stall}) reached a stand-in. */
    static int arrivals(String path) {
        AtomicInteger n = ARRIVED.get(path);
        return n == null ? 0 : n.get();
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        int registry = listen("registry-service");
        int measures = listen("measures-service");
        int reporting = listen("reporting-service");
        int nothing = Ports.free();
        Map<String, String> config = new HashMap<>();
        config.put("gateway.upstreams.registry.url", "http://127.0.0.1:" + registry);
        config.put("gateway.upstreams.measures.url", "http://127.0.0.1:" + measures);
        config.put("gateway.upstreams.reporting.url", "http://127.0.0.1:" + reporting);
        config.put("gateway.upstreams.commission.url", "http://127.0.0.1:" + nothing);
        config.put("gateway.timeouts.response", "5s");
        config.put("gateway.max-body-size", "1048576");
        config.put("gateway.rate-limit.capacity", "40");
        config.put("gateway.rate-limit.refill", "40");
        config.put("gateway.rate-limit.period", "1m");
        // Systems' tokens: real RS256 tokens signed with the test key (test-support's TestTokens).
        config.put("quarkus.oidc.public-key", TestKeys.publicKeyBase64());
        config.put("quarkus.oidc.token.issuer", TestTokens.ISSUER);
        String issuer = "http://127.0.0.1:" + registry + "/realms/prevention";
        config.put("quarkus.oidc.bff.auth-server-url", issuer);
        config.put("quarkus.oidc.bff.discovery-enabled", "false");
        config.put("quarkus.oidc.bff.authorization-path", "protocol/openid-connect/auth");
        config.put("quarkus.oidc.bff.token-path", "protocol/openid-connect/token");
        config.put("quarkus.oidc.bff.jwks-path", "protocol/openid-connect/certs");
        config.put("quarkus.oidc.bff.end-session-path", "protocol/openid-connect/logout");
        config.put("quarkus.oidc.bff.token.issuer", TestTokens.ISSUER);
        return config;
    }

    private int listen(String service) {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> handle(service, request));
        try {
            return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                    .actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the stand-in for " + service, e);
        }
    }

    private static void handle(String service, HttpServerRequest request) {
        String path = request.path();
        ARRIVED.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        if (path.equals("/q/health/ready")) {
            request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
        } else if (path.equals("/q/openapi")) {
            request.response().putHeader("Content-Type", "application/json").end(openApi(service).encode());
        } else if (path.equals("/api/v1/event-catalog/asyncapi")) {
            request.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("asyncapi", "3.0.0").put("servedBy", service).encode());
        } else if (path.equals("/realms/prevention/protocol/openid-connect/certs")) {
            request.response().putHeader("Content-Type", "application/json").end(jwks().encode());
        } else if (path.equals("/api/v1/problem")) {
            request.response().setStatusCode(409).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("type", "urn:prevention:problem:conflict").put("status", 409)
                            .put("detail", "from " + service).encode());
        } else if (path.equals("/api/v1/stall")) {
            // Never answers: the gateway's response timeout must end the wait.
            request.pause();
        } else if (path.equals("/api/v1/hang-up")) {
            // Closes the connection without a word: the gateway must answer 502 itself.
            request.connection().close();
        } else if (path.equals("/api/v1/endless")) {
            // Streams (at most 1 GiB, at the pace the gateway reads) until the gateway hangs up.
            request.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
            stream(request.response(), Buffer.buffer(new byte[64 * 1024]), 16 * 1024);
        } else if (path.equals("/api/v1/breaks-off")) {
            // Answers 200, sends part of the body, then closes the connection: the service failing mid-answer.
            HttpServerResponse response = request.response().setChunked(true)
                    .putHeader("Content-Type", "application/octet-stream");
            response.write(Buffer.buffer(new byte[16 * 1024])).onComplete(sent -> request.connection().close());
        } else if (path.equals("/api/v1/big")) {
            request.response().putHeader("Content-Type", "application/octet-stream")
                    .end(Buffer.buffer(new byte[BIG_BODY]));
        } else {
            echo(service, request);
        }
    }

    private static void stream(HttpServerResponse response, Buffer chunk, int chunksLeft) {
        int left = chunksLeft;
        while (left > 0 && !response.closed() && !response.writeQueueFull()) {
            response.write(chunk);
            left--;
        }
        if (left == 0) {
            response.end();
        } else if (!response.closed()) {
            int rest = left;
            response.drainHandler(v -> stream(response, chunk, rest));
        }
    }

    private static void echo(String service, HttpServerRequest request) {
        request.body().onSuccess(body -> {
            JsonObject headers = new JsonObject();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            request.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                    .putHeader("X-Served-By", service)
                    .end(new JsonObject().put("service", service).put("method", request.method().name())
                            .put("uri", request.uri()).put("headers", headers).put("bodyLength", body.length())
                            .encode());
        });
    }

    /** A small document with what the aggregation must handle: an operation id, a tag, a shared and a differing schema. */
    private static JsonObject openApi(String service) {
        JsonObject page = new JsonObject().put("type", "object").put("description", "page of " + service);
        JsonObject problem = new JsonObject().put("type", "object").put("description", "RFC 9457");
        JsonObject op = new JsonObject().put("operationId", "list").put("tags", new JsonArray().add("things"))
                .put("responses", new JsonObject().put("200", new JsonObject().put("description", "ok")
                        .put("content", new JsonObject().put("application/json", new JsonObject()
                                .put("schema", new JsonObject().put("$ref", "#/components/schemas/Page"))))));
        return new JsonObject().put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", service).put("version", "1.0"))
                .put("tags", new JsonArray().add(new JsonObject().put("name", "things")))
                .put("paths", new JsonObject().put("/api/v1/things", new JsonObject().put("get", op)))
                .put("components", new JsonObject().put("schemas",
                        new JsonObject().put("Page", page).put("Problem", problem)));
    }

    /** The test key set, so the web app's login tenant starts as it would against Keycloak. */
    private static JsonObject jwks() {
        try {
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(TestKeys.publicKeyBase64())));
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return new JsonObject().put("keys", new JsonArray().add(new JsonObject().put("kty", "RSA")
                    .put("use", "sig").put("alg", "RS256").put("kid", "test")
                    .put("n", b64.encodeToString(unsigned(key.getModulus().toByteArray())))
                    .put("e", b64.encodeToString(unsigned(key.getPublicExponent().toByteArray())))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
