package kz.prevention.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Generates malformed requests — broken JSON, wrong types, missing and unknown fields, absurd
 * values, bad parameters and headers — and checks the platform's contract for each answer: never
 * a 5xx, every error {@code application/problem+json}. Seeded, so a failure can be replayed.
 * A service's test supplies valid bodies and endpoints; this class breaks them.
 */
public final class RequestFuzzer {

    public static final Object[] ODD_VALUES = {null, 0, -1, 1e308, Long.MAX_VALUE, true, "", " ", "x".repeat(10_000),
            "'; DROP TABLE person; --", "\u0000\u0001\u001f", "😀🚔", "2026-13-45", "9999-12-31", "0001-01-01",
            "-2026-01-01", List.of(), List.of(1, 2), Map.of(), Map.of("a", Map.of("b", List.of())), "NaN",
            "../../etc/passwd", "<script>alert(1)</script>", "%00", "750000000750000000"};

    private final Random random;
    private final ObjectMapper mapper;

    public RequestFuzzer(long seed, ObjectMapper mapper) {
        this.random = new Random(seed);
        this.mapper = mapper;
    }

    /** One request to send, described for the failure report. */
    public record Attempt(String description, Function<RequestSpecification, Response> call) {
        Response send(RequestSpecification spec) {
            return call.apply(spec.when());
        }
    }

    /** What the run saw: the answers by status, the ones that broke the contract, how many created something new. */
    public record Report(Map<Integer, Integer> statuses, List<String> failures, int created) {
    }

    /** Sends {@code count} generated attempts, each on a fresh (authenticated) request specification. */
    public Report run(int count, Supplier<RequestSpecification> request, IntFunction<Attempt> generator) {
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int created = 0;
        for (int i = 0; i < count; i++) {
            Attempt a = generator.apply(i);
            Response r = a.send(request.get());
            int status = r.statusCode();
            statuses.merge(status, 1, Integer::sum);
            String contentType = r.contentType() == null ? "" : r.contentType();
            if (status >= 500) {
                failures.add(a.description() + " -> " + status + " " + r.asString());
            } else if (status >= 400 && !contentType.startsWith("application/problem+json")) {
                failures.add(a.description() + " -> " + status + " with " + contentType + ": " + r.asString());
            } else if (status == 201 && r.header("Idempotent-Replayed") == null) {
                // A replay answers with the first response again: nothing new was created.
                created++;
            }
        }
        return new Report(statuses, failures, created);
    }

    /** Replaces, removes or adds one field somewhere in the body, or breaks a nested object; sometimes wraps it in a list. */
    @SuppressWarnings("unchecked")
    public Object mutate(Map<String, Object> body) {
        Map<String, Object> target = body;
        List<String> keys = new ArrayList<>(target.keySet());
        String key = keys.get(random.nextInt(keys.size()));
        if (target.get(key) instanceof Map<?, ?> nested && random.nextBoolean()) {
            target.put(key, new LinkedHashMap<>((Map<String, Object>) nested));
            target = (Map<String, Object>) target.get(key);
            keys = new ArrayList<>(target.keySet());
            key = keys.get(random.nextInt(keys.size()));
        }
        switch (random.nextInt(4)) {
            case 0 -> target.remove(key);
            case 1 -> target.put("unexpected" + random.nextInt(100), pick(ODD_VALUES));
            default -> target.put(key, pick(ODD_VALUES));
        }
        return random.nextInt(20) == 0 ? List.of(body) : body;
    }

    /** A valid body made unreadable: cut short, wrong quotes, absurd nesting, empty, random bytes. */
    public String broken(Object validBody) {
        String valid = json(validBody);
        return switch (random.nextInt(7)) {
            case 0 -> valid.substring(0, random.nextInt(valid.length()));
            case 1 -> valid.replace("\"", "'");
            case 2 -> "[".repeat(5000) + "]".repeat(5000);
            case 3 -> "";
            case 4 -> "null";
            case 5 -> valid.replace(":", "=");
            default -> new String(randomBytes(200), StandardCharsets.ISO_8859_1);
        };
    }

    public Attempt json(String method, String path, Object body, String ifMatch) {
        String text = json(body);
        return new Attempt(method + " " + path + " If-Match=" + ifMatch + " " + abbreviate(text), spec -> {
            RequestSpecification s = spec.contentType("application/json").body(text);
            if (ifMatch != null) {
                s = s.header("If-Match", ifMatch);
            }
            return s.request(method, path);
        });
    }

    public Attempt raw(String method, String path, String body) {
        return new Attempt(method + " " + path + " raw " + abbreviate(body),
                spec -> spec.contentType("application/json").body(body).request(method, path));
    }

    /** GET {@code path} with two of the given (already encoded) query parameters. */
    public Attempt query(String path, String[] params) {
        String q = pick(params) + "&" + pick(params);
        return new Attempt("GET " + path + "?" + q, spec -> spec.urlEncodingEnabled(false).get(path + "?" + q));
    }

    /** POST a valid body with an odd Idempotency-Key and Content-Type. */
    public Attempt headers(String path, Object validBody) {
        String body = json(validBody);
        String key = pick(new String[] {"x".repeat(300), "ключ", " ", "a b", "\t"});
        String type = pick(new String[] {"text/plain", "application/xml", "application/json;charset=ISO-8859-1",
                "multipart/form-data", "application/json"});
        return new Attempt("POST " + path + " with Idempotency-Key=" + key + " Content-Type=" + type,
                spec -> spec.header("Idempotency-Key", key).contentType(type)
                        .body(body.getBytes(StandardCharsets.UTF_8)).post(path));
    }

    @SuppressWarnings("unchecked")
    public <T> T pick(T[] values) {
        return (T) values[random.nextInt(values.length)];
    }

    private String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the body as JSON", e);
        }
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
