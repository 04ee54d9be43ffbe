package kz.prevention.testing;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/** Valid IINs for tests: a birth date, a sex, a random serial, and the right check digit. */
public final class Iins {

    private Iins() {
    }

    public static String of(LocalDate birth, char sex) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int serial = ThreadLocalRandom.current().nextInt(10000);
            String body = String.format("%02d%02d%02d%d%04d", birth.getYear() % 100, birth.getMonthValue(),
                    birth.getDayOfMonth(), centuryDigit(birth.getYear(), sex), serial);
            Integer check = check(body);
            if (check != null) {
                return body + check;
            }
        }
        throw new IllegalStateException("no valid IIN found");
    }

    public static String withWrongCheckDigit(String iin) {
        int last = iin.charAt(11) - '0';
        return iin.substring(0, 11) + ((last + 1) % 10);
    }

    private static int centuryDigit(int year, char sex) {
        int base = year < 1900 ? 1 : year < 2000 ? 3 : 5;
        return sex == 'M' ? base : base + 1;
    }

    /** Independent of the code under test: the rule as DOMAIN.md states it. */
    static Integer check(String first11) {
        int[] w1 = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        int[] w2 = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};
        int s = 0;
        for (int i = 0; i < 11; i++) {
            s += (first11.charAt(i) - '0') * w1[i];
        }
        int c = s % 11;
        if (c == 10) {
            s = 0;
            for (int i = 0; i < 11; i++) {
                s += (first11.charAt(i) - '0') * w2[i];
            }
            c = s % 11;
        }
        return c == 10 ? null : c;
    }
}
