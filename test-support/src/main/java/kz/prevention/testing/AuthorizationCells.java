package kz.prevention.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * The cells of an authorization matrix for a parameterized test: one (operation, caller, expected
 * status) per row of {@code expected} and column of {@code callers}, rows in their map's order.
 */
public final class AuthorizationCells {

    private AuthorizationCells() {
    }

    public static Stream<Arguments> of(Map<String, int[]> expected, String[] callers) {
        List<Arguments> cells = new ArrayList<>();
        expected.forEach((op, statuses) -> {
            for (int i = 0; i < callers.length; i++) {
                cells.add(Arguments.of(op, callers[i], statuses[i]));
            }
        });
        return cells.stream();
    }
}
