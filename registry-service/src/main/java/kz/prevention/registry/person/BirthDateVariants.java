package kz.prevention.registry.person;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The birth dates a clerk may have meant when typing this one: each date whose ISO form
 * ({@code YYYY-MM-DD}) differs in exactly one digit, and the date with day and month swapped —
 * valid dates only, the date itself excluded. At most 8 × 9 + 1 dates, so a look-alike search asks
 * the database for {@code birth_date IN (…)}, which the birth-date index answers, and compares the
 * names of the few persons found.
 */
public final class BirthDateVariants {

    private BirthDateVariants() {
    }

    public static Set<LocalDate> of(LocalDate date) {
        String digits = String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        Set<LocalDate> out = new TreeSet<>();
        for (int position = 0; position < digits.length(); position++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != digits.charAt(position)) {
                    char[] changed = digits.toCharArray();
                    changed[position] = d;
                    parse(new String(changed)).ifPresent(out::add);
                }
            }
        }
        swapDayAndMonth(date).ifPresent(out::add);
        out.remove(date);
        return out;
    }

    private static Optional<LocalDate> swapDayAndMonth(LocalDate date) {
        return of(date.getYear(), date.getDayOfMonth(), date.getMonthValue());
    }

    private static Optional<LocalDate> parse(String yyyymmdd) {
        return of(Integer.parseInt(yyyymmdd.substring(0, 4)), Integer.parseInt(yyyymmdd.substring(4, 6)),
                Integer.parseInt(yyyymmdd.substring(6, 8)));
    }

    private static Optional<LocalDate> of(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }
}
