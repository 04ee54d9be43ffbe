package kz.prevention.reference.calendar;

/** How a deadline's amount is counted. */
public enum DeadlineUnit {
    /** Working days of the {@link WorkingDayCalendar}. */
    WORKING_DAYS,
    /** Calendar days. */
    CALENDAR_DAYS,
    /** Hours from the instant the deadline starts (a day-based due date is then the day the last hour falls on). */
    HOURS,
    /** Calendar months (the monthly check), the same day of the month or the month's last day. */
    MONTHS
}
