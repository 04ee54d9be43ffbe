package kz.prevention.reporting.report;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;

/** Exports per caller and minute (a sliding window in this replica): beyond it a 429 with Retry-After. */
@ApplicationScoped
public class ExportLimiter {

    @ConfigProperty(name = "reporting.exports.per-minute", defaultValue = "30")
    int perMinute;

    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    public void acquire(String caller) {
        long now = System.nanoTime();
        long window = Duration.ofMinutes(1).toNanos();
        Deque<Long> times = recent.computeIfAbsent(caller, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() > window) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                long wait = Math.max(1, (window - (now - times.peekFirst())) / 1_000_000_000L + 1);
                throw new ProblemException(ProblemType.TOO_MANY_REQUESTS,
                        "at most " + perMinute + " exports a minute per caller", java.util.List.of(),
                        Map.of("Retry-After", String.valueOf(wait)));
            }
            times.addLast(now);
        }
    }
}
