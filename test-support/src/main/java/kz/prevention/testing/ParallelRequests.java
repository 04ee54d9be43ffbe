package kz.prevention.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Fires requests at once from as many threads, as a race would, and counts the statuses they got. */
public final class ParallelRequests {

    private ParallelRequests() {
    }

    /** Runs {@code request.apply(0..n-1)} concurrently; HTTP status → how many requests got it. */
    public static Map<Integer, Integer> statuses(int n, IntFunction<Callable<Integer>> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(request.apply(i));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.merge(f.get(), 1, Integer::sum);
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
