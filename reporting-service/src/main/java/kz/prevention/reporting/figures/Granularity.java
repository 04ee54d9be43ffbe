package kz.prevention.reporting.figures;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

/** How a date range is cut into periods: calendar days, months, quarters or years. */
public enum Granularity {
    DAY, MONTH, QUARTER, YEAR;

    public record Period(String key, LocalDate start, LocalDate end) {
    }

    public static Granularity parse(String value) {
        for (Granularity g : values()) {
            if (g.name().equalsIgnoreCase(value)) {
                return g;
            }
        }
        return null;
    }

    /** The periods covering [from, to], the first and last cut to the range. */
    public List<Period> periods(LocalDate from, LocalDate to) {
        List<Period> out = new ArrayList<>();
        LocalDate start = from;
        while (!start.isAfter(to)) {
            LocalDate end = endOf(start);
            if (end.isAfter(to)) {
                end = to;
            }
            out.add(new Period(key(start), start, end));
            start = end.plusDays(1);
        }
        return out;
    }

    private LocalDate endOf(LocalDate d) {
        return switch (this) {
            case DAY -> d;
            case MONTH -> d.withDayOfMonth(d.lengthOfMonth());
            case QUARTER -> {
                LocalDate firstOfQuarter = d.withMonth((d.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1).withDayOfMonth(1);
                yield firstOfQuarter.plusMonths(3).minusDays(1);
            }
            case YEAR -> d.withDayOfYear(d.lengthOfYear());
        };
    }

    private String key(LocalDate d) {
        return switch (this) {
            case DAY -> d.toString();
            case MONTH -> d.toString().substring(0, 7);
            case QUARTER -> d.getYear() + "-Q" + d.get(IsoFields.QUARTER_OF_YEAR);
            case YEAR -> String.valueOf(d.getYear());
        };
    }
}
