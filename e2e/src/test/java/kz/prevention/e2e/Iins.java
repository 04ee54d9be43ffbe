package kz.prevention.e2e;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/** Valid IINs for the people the end-to-end tests register (check digit per DOMAIN.md §7). */
final class Iins {

    private Iins() {
    }

    /** A man born on {@code birth}, with a random serial. */
    static String of(LocalDate birth) {
        while (true) {
            String body = String.format("%02d%02d%02d%d%04d", birth.getYear() % 100, birth.getMonthValue(),
                    birth.getDayOfMonth(), birth.getYear() < 2000 ? 3 : 5, ThreadLocalRandom.current().nextInt(10000));
            int c = weighted(body, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
            if (c == 10) {
                c = weighted(body, new int[] {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2});
            }
            if (c != 10) {
                return body + c;
            }
        }
    }

    private static int weighted(String digits, int[] weights) {
        int s = 0;
        for (int i = 0; i < 11; i++) {
            s += (digits.charAt(i) - '0') * weights[i];
        }
        return s % 11;
    }
}
