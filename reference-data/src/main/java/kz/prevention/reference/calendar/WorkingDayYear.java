package kz.prevention.reference.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One year of the working-day calendar, as {@code catalogs/working-days/<year>.json} states it:
 * the public holidays that are days off, the days off moved from a holiday that fell on a weekend,
 * and the Government decree's transfers (days off moved, Saturdays made working days).
 */
public record WorkingDayYear(int year, String version, String zone, Map<String, String> sources,
        List<Holiday> holidays, List<MovedDayOff> movedDaysOff, Decree decree) {

    /** A public holiday; {@code movable} when a weekend coincidence moves it to the next working day. */
    public record Holiday(LocalDate date, String name, String source, boolean movable) {
    }

    /** A day off moved from a holiday on a weekend ({@code from}). */
    public record MovedDayOff(LocalDate date, LocalDate from, String source) {
    }

    /** The year's Government decree: its reference, the weekdays it makes days off and the weekend days it makes working. */
    public record Decree(String reference, List<LocalDate> daysOff, List<LocalDate> workingDays) {
        public Decree {
            daysOff = daysOff == null ? List.of() : List.copyOf(daysOff);
            workingDays = workingDays == null ? List.of() : List.copyOf(workingDays);
        }
    }

    public WorkingDayYear {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        movedDaysOff = movedDaysOff == null ? List.of() : List.copyOf(movedDaysOff);
        decree = decree == null ? new Decree(null, List.of(), List.of()) : decree;
        sources = sources == null ? Map.of() : Map.copyOf(sources);
    }
}
