package kz.prevention.registry.transfer;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working days, Monday to Friday. Public holidays (which the Government reschedules each year)
 * are not counted out yet: a deadline may fall a day or two early around them.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    public static LocalDate after(LocalDate from, int workingDays) {
        LocalDate d = from;
        int left = workingDays;
        while (left > 0) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }
}
