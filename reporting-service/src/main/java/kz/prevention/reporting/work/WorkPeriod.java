package kz.prevention.reporting.work;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.reporting.figures.FigureParams;

/** The period of a work-indicators query: {@code from} (default the month's first day) to {@code to} (default today), at most a year. */
public record WorkPeriod(LocalDate from, LocalDate to) {

    public static WorkPeriod of(String from, String to, LocalDate today) {
        LocalDate end = FigureParams.date("to", to, today);
        LocalDate start = FigureParams.date("from", from, end.withDayOfMonth(1));
        if (end.isBefore(start)) {
            throw ProblemException.field(ProblemType.VALIDATION, "to", "not before 'from'");
        }
        if (ChronoUnit.DAYS.between(start, end) > 366) {
            throw ProblemException.field(ProblemType.VALIDATION, "to", "at most a year after 'from'");
        }
        return new WorkPeriod(start, end);
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
