package kz.prevention.reference.calendar;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * One version of an Order 163 deadline, as the {@code order-163-deadlines} catalog states it: what
 * starts it, how much time (amount and unit) before or after that start, when this version is in
 * force and where the law says so. {@code version} names the catalog version and the entry's
 * effective date ({@code 2026.11.1/2026-03-02}), for records that must say which rule they used.
 */
public record DeadlineRule(String code, String startsWith, int amount, DeadlineUnit unit, Direction direction,
        LocalDate validFrom, LocalDate validTo, String legalSource, String version) {

    /** Whether the deadline lies after its start (most) or before it (an extension submitted 20 days before expiry). */
    public enum Direction { AFTER, BEFORE }

    public boolean inForceOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    /** The local date by which the deadline is met, counted from {@code start}. */
    public LocalDate due(LocalDate start, WorkingDayCalendar calendar) {
        int n = direction == Direction.BEFORE ? -amount : amount;
        return switch (unit) {
            case WORKING_DAYS -> calendar.plusWorkingDays(start, n);
            case CALENDAR_DAYS -> start.plusDays(n);
            case MONTHS -> start.plusMonths(n);
            case HOURS -> start.atStartOfDay().plusHours(n).toLocalDate();
        };
    }

    /** The instant by which an hours deadline is met (day units: the end of the due day), in the start's zone. */
    public ZonedDateTime dueAt(ZonedDateTime start, WorkingDayCalendar calendar) {
        if (unit == DeadlineUnit.HOURS) {
            return direction == Direction.BEFORE ? start.minusHours(amount) : start.plusHours(amount);
        }
        return due(start.toLocalDate(), calendar).plusDays(1).atStartOfDay(start.getZone());
    }
}
