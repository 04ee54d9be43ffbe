package kz.prevention.reference.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import kz.prevention.reference.CatalogEntry;
import kz.prevention.reference.ReferenceCatalog;

/**
 * Deadlines as dated reference data (a catalog of entries with amount, unit, start and legal source) over
 * the {@link WorkingDayCalendar}: which version of a deadline is in force on a day, and the due date
 * it gives. A code may have several entries whose validity does not overlap — an amendment from a
 * date is a new entry from that date and a {@code validTo} on the old one, never a code change.
 * Plain Java; the services get it as a CDI bean ({@code ReferenceCalendars}).
 */
public class DatedDeadlines {

    private final String catalogName;
    private final Map<String, List<DeadlineRule>> rules;
    private final WorkingDayCalendar calendar;
    private final String catalogVersion;

    protected DatedDeadlines(String catalogName, ReferenceCatalog catalog, WorkingDayCalendar calendar) {
        if (!catalogName.equals(catalog.catalog())) {
            throw new IllegalArgumentException("not the " + catalogName + " catalog: " + catalog.catalog());
        }
        this.catalogName = catalogName;
        this.calendar = calendar;
        this.catalogVersion = catalog.version();
        List<DeadlineRule> all = new ArrayList<>();
        for (CatalogEntry e : catalog.entries()) {
            all.add(rule(catalogName, catalog.version(), e));
        }
        this.rules = all.stream().collect(Collectors.groupingBy(DeadlineRule::code));
        rules.forEach((code, versions) -> {
            for (DeadlineRule a : versions) {
                for (DeadlineRule b : versions) {
                    if (a != b && overlap(a, b)) {
                        throw new IllegalStateException(catalogName + ": two versions of " + code + " in force at once ("
                                + a.validFrom() + ", " + b.validFrom() + ")");
                    }
                }
            }
        });
    }

    /** Protected no-argument constructor for CDI's client proxies only. */
    protected DatedDeadlines() {
        this.catalogName = null;
        this.rules = Map.of();
        this.calendar = null;
        this.catalogVersion = null;
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }

    public String catalogVersion() {
        return catalogVersion;
    }

    /** The version of the deadline in force on {@code day}, if any. */
    public Optional<DeadlineRule> find(String code, LocalDate day) {
        return rules.getOrDefault(code, List.of()).stream().filter(r -> r.inForceOn(day)).findFirst();
    }

    /** The version of the deadline in force on {@code day}; a missing one is a broken catalog. */
    public DeadlineRule rule(String code, LocalDate day) {
        return find(code, day).orElseThrow(() -> new IllegalStateException(
                "no version of deadline " + code + " in force on " + day + " in " + catalogName));
    }

    /** The due date of the deadline started on {@code start}, under the version in force on that day. */
    public LocalDate due(String code, LocalDate start) {
        return rule(code, start).due(start, calendar);
    }

    public List<String> codes() {
        return rules.keySet().stream().sorted().toList();
    }

    private static boolean overlap(DeadlineRule a, DeadlineRule b) {
        LocalDate aTo = a.validTo() == null ? LocalDate.MAX : a.validTo();
        LocalDate bTo = b.validTo() == null ? LocalDate.MAX : b.validTo();
        return !a.validFrom().isAfter(bTo) && !b.validFrom().isAfter(aTo);
    }

    private static DeadlineRule rule(String catalogName, String version, CatalogEntry e) {
        String where = catalogName + "/" + e.code();
        int amount = e.number("amount").orElseThrow(() -> new IllegalStateException(where + ": no amount"));
        DeadlineUnit unit = DeadlineUnit.valueOf(e.text("unit").orElseThrow(() -> new IllegalStateException(where + ": no unit")));
        DeadlineRule.Direction direction = DeadlineRule.Direction.valueOf(e.text("direction").orElse("AFTER"));
        String startsWith = e.text("startsWith").orElseThrow(() -> new IllegalStateException(where + ": no startsWith"));
        String source = e.text("legalSource").orElseThrow(() -> new IllegalStateException(where + ": no legalSource"));
        if (e.validFrom() == null || amount < 0) {
            throw new IllegalStateException(where + ": needs validFrom and a non-negative amount");
        }
        return new DeadlineRule(e.code(), startsWith, amount, unit, direction, e.validFrom(), e.validTo(), source,
                version + "/" + e.validFrom());
    }
}
