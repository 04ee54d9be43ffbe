package kz.prevention.reference.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Kazakhstan's working days: Monday to Friday, less the public holidays that are days off, the days
 * off moved from a holiday on a weekend, and the Government decree's transfers — all read from a
 * catalog per year ({@code catalogs/working-days/<year>.json}, listed in {@code catalogs/index.json}),
 * so a decree is a data change. Dates are local dates in Kazakhstan ({@code Asia/Almaty}, UTC+5).
 *
 * <p>A year without a catalog file is not guessed at silently: it falls back to weekends and the
 * statutory fixed-date holidays (with the weekend rule, but without Kurban Ait, whose date moves,
 * and without any decree), and the first use of such a year is reported — logged once and passed to
 * the {@code fallbackListener} (a metric in the services).
 *
 * <p>Plain Java: no CDI, no Quarkus; immutable after construction, safe to share.
 */
public final class WorkingDayCalendar {

    private static final Logger LOG = Logger.getLogger(WorkingDayCalendar.class.getName());

    /** The fixed-date holidays of the Law on holidays and the Labour Code; {@code true} when the weekend rule moves them. */
    static final Map<MonthDay, Boolean> STATUTORY_FIXED = statutoryFixed();

    private final Map<Integer, WorkingDayYear> catalogs;
    private final Map<Integer, Set<LocalDate>> daysOff = new ConcurrentHashMap<>();
    private final Map<Integer, Set<LocalDate>> workingWeekendDays = new ConcurrentHashMap<>();
    private final Set<Integer> fallbackReported = ConcurrentHashMap.newKeySet();
    private final IntConsumer fallbackListener;

    public WorkingDayCalendar(List<WorkingDayYear> years, IntConsumer fallbackListener) {
        Map<Integer, WorkingDayYear> byYear = new TreeMap<>();
        for (WorkingDayYear y : years) {
            if (byYear.put(y.year(), y) != null) {
                throw new IllegalStateException("two working-day catalogs for " + y.year());
            }
            validate(y);
        }
        this.catalogs = Map.copyOf(byYear);
        this.fallbackListener = fallbackListener == null ? year -> { } : fallbackListener;
        for (WorkingDayYear y : byYear.values()) {
            Set<LocalDate> off = new HashSet<>();
            y.holidays().forEach(h -> off.add(h.date()));
            y.movedDaysOff().forEach(m -> off.add(m.date()));
            off.addAll(y.decree().daysOff());
            daysOff.put(y.year(), Set.copyOf(off));
            workingWeekendDays.put(y.year(), Set.copyOf(y.decree().workingDays()));
        }
    }

    /** The calendar of the catalogs {@code catalogs/index.json} lists under {@code workingDays}. */
    public static WorkingDayCalendar load(ObjectMapper mapper, ClassLoader loader, IntConsumer fallbackListener) {
        ObjectMapper strict = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).findAndRegisterModules();
        JsonNode index = read(strict, loader, "catalogs/index.json", JsonNode.class);
        List<WorkingDayYear> years = new ArrayList<>();
        for (JsonNode name : index.path("workingDays")) {
            WorkingDayYear y = read(strict, loader, "catalogs/" + name.asText() + ".json", WorkingDayYear.class);
            if (!name.asText().endsWith("/" + y.year())) {
                throw new IllegalStateException("catalogs/" + name.asText() + ".json declares the year " + y.year());
            }
            years.add(y);
        }
        return new WorkingDayCalendar(years, fallbackListener);
    }

    /** The years a catalog file covers. */
    public Set<Integer> catalogYears() {
        return catalogs.keySet();
    }

    public java.util.Optional<WorkingDayYear> catalog(int year) {
        return java.util.Optional.ofNullable(catalogs.get(year));
    }

    public boolean isWorkingDay(LocalDate day) {
        int year = day.getYear();
        if (workingWeekendDays(year).contains(day)) {
            return true;
        }
        return !isWeekend(day) && !daysOff(year).contains(day);
    }

    /**
     * The day {@code n} working days after {@code date} ({@code date} itself not counted, whether or not
     * it is a working day); {@code n = 0} gives {@code date}. Negative {@code n} counts backwards.
     */
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        LocalDate d = date;
        int left = Math.abs(n);
        int step = n < 0 ? -1 : 1;
        while (left > 0) {
            d = d.plusDays(step);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /**
     * Working days after {@code from} up to and including {@code to} (0 when {@code to} is not after
     * {@code from}): so {@code workingDaysBetween(d, plusWorkingDays(d, n)) == n}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /** The days off of a year without its catalog file: weekends, the fixed-date holidays and the weekend rule. */
    static Set<LocalDate> statutoryDaysOff(int year) {
        Set<LocalDate> holidays = new HashSet<>();
        STATUTORY_FIXED.keySet().forEach(md -> holidays.add(md.atYear(year)));
        Set<LocalDate> off = new HashSet<>(holidays);
        off.addAll(movedByWeekendRule(year, holidays, STATUTORY_FIXED));
        return off;
    }

    /** Days off moved from movable holidays on a weekend, each to the next day that is neither weekend, holiday nor already moved. */
    static List<LocalDate> movedByWeekendRule(int year, Set<LocalDate> holidays, Map<MonthDay, Boolean> movable) {
        List<LocalDate> moved = new ArrayList<>();
        holidays.stream().sorted().filter(h -> isWeekend(h) && movable.getOrDefault(MonthDay.from(h), false))
                .forEach(h -> {
                    LocalDate d = h.plusDays(1);
                    while (isWeekend(d) || holidays.contains(d) || moved.contains(d)) {
                        d = d.plusDays(1);
                    }
                    moved.add(d);
                });
        return moved;
    }

    private Set<LocalDate> daysOff(int year) {
        Set<LocalDate> off = daysOff.get(year);
        if (off != null) {
            return off;
        }
        if (fallbackReported.add(year)) {
            LOG.warning("no working-day catalog for " + year + " (catalogs/working-days/" + year
                    + ".json): counting weekends and the statutory fixed-date holidays only — no Kurban Ait, no decree");
            fallbackListener.accept(year);
        }
        return daysOff.computeIfAbsent(year, y -> Set.copyOf(statutoryDaysOff(y)));
    }

    private Set<LocalDate> workingWeekendDays(int year) {
        return workingWeekendDays.getOrDefault(year, Set.of());
    }

    static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static void validate(WorkingDayYear y) {
        for (WorkingDayYear.Holiday h : y.holidays()) {
            requireYear(y, h.date(), "holiday");
        }
        for (WorkingDayYear.MovedDayOff m : y.movedDaysOff()) {
            requireYear(y, m.date(), "moved day off");
            if (isWeekend(m.date())) {
                throw new IllegalStateException(y.year() + ": moved day off " + m.date() + " is a weekend day");
            }
        }
        y.decree().daysOff().forEach(d -> requireYear(y, d, "decree day off"));
        for (LocalDate d : y.decree().workingDays()) {
            requireYear(y, d, "decree working day");
            if (!isWeekend(d)) {
                throw new IllegalStateException(y.year() + ": decree working day " + d + " is not a weekend day");
            }
        }
    }

    private static void requireYear(WorkingDayYear y, LocalDate d, String what) {
        if (d == null || d.getYear() != y.year()) {
            throw new IllegalStateException("working-days/" + y.year() + ".json: " + what + " " + d + " is not in " + y.year());
        }
    }

    private static Map<MonthDay, Boolean> statutoryFixed() {
        Map<MonthDay, Boolean> m = new java.util.LinkedHashMap<>();
        for (String md : List.of("01-01", "01-02", "03-08", "03-21", "03-22", "03-23", "05-01", "05-07", "05-09",
                "07-06", "08-30", "10-25", "12-16")) {
            m.put(MonthDay.parse("--" + md), true);
        }
        m.put(MonthDay.of(1, 7), false); // Orthodox Christmas: Labour Code 84.5, not moved
        return Map.copyOf(m);
    }

    private static <T> T read(ObjectMapper mapper, ClassLoader loader, String path, Class<T> type) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("calendar catalog " + path + " is missing");
            }
            return mapper.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
