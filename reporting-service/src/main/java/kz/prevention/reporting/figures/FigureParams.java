package kz.prevention.reporting.figures;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;

/** Query parameters read once, each a 400 naming itself when it cannot be read. */
public final class FigureParams {

    private FigureParams() {
    }

    public static LocalDate date(String name, String value, LocalDate fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            LocalDate d = LocalDate.parse(value);
            if (d.getYear() < 2000 || d.getYear() > 2100) {
                throw ProblemException.field(ProblemType.VALIDATION, name, "a date between 2000 and 2100");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw ProblemException.field(ProblemType.VALIDATION, name, "a date (YYYY-MM-DD)");
        }
    }

    public static int year(String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            int y = Integer.parseInt(value);
            if (y < 2000 || y > 2100) {
                throw ProblemException.field(ProblemType.VALIDATION, "year", "a year between 2000 and 2100");
            }
            return y;
        } catch (NumberFormatException e) {
            throw ProblemException.field(ProblemType.VALIDATION, "year", "a year between 2000 and 2100");
        }
    }

    public static Granularity granularity(String value) {
        if (value == null) {
            return Granularity.MONTH;
        }
        Granularity g = Granularity.parse(value);
        if (g == null) {
            throw ProblemException.field(ProblemType.VALIDATION, "period", "one of day, month, quarter, year");
        }
        return g;
    }
}
