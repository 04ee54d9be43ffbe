package kz.prevention.reporting.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import kz.prevention.eventing.contract.CommissionEvents;

/**
 * Two years (the report's and the one before) of registry, measures and commission events,
 * published on the broker, with the figures they must give computed here independently, by
 * plain loops over what was published.
 */
public final class SeededYear {

    /** Regions of different sizes: region 55 stays below the threshold in the report's year. */
    static final String[] PLACES = {"100000000", "271010000", "271000000", "751110000", "751110000", "751110000",
            "271010001", "100000000"};
    static final String SMALL_REGION_PLACE = "551010000";

    public record SeededEntry(Feed.Entry entry, LocalDate registered, LocalDate removed) {
    }

    public record SeededMeasure(Feed.Measure measure, LocalDate assigned, LocalDate completed, LocalDate cancelled) {
    }

    public record SeededInstruction(LocalDate adopted, LocalDate due, LocalDate completed) {
    }

    public final int year;
    public final List<SeededEntry> entries = new ArrayList<>();
    public final List<SeededMeasure> measures = new ArrayList<>();
    public final List<SeededInstruction> instructions = new ArrayList<>();
    public final List<LocalDate> controls = new ArrayList<>();
    public final List<Missed> missedControls = new ArrayList<>();
    /** Each control visit: its entry, due date and whether it was made by then. */
    public final List<Control> controlDues = new ArrayList<>();
    public final List<Missed163> missedDeadlines = new ArrayList<>();
    public final List<Missed> expiredTerms = new ArrayList<>();

    public record Missed(UUID entry, LocalDate due) {
    }

    public record Control(UUID entry, LocalDate due, boolean onTime) {
    }

    public record Missed163(UUID entry, String deadline, LocalDate due) {
    }

    static final String[] DEADLINES = {"DATA_ENTRY", "CONTROL_PLAN", "FILE_REVIEW"};

    public SeededYear(int year, long seed) {
        this.year = year;
        Random rnd = new Random(seed);
        LocalDate start = LocalDate.of(year - 1, 1, 1);
        for (int i = 0; i < 70; i++) {
            String place = PLACES[rnd.nextInt(PLACES.length)];
            entry(rnd, place, start.plusDays(rnd.nextInt(700)), rnd.nextInt(5) == 0);
        }
        entry(rnd, SMALL_REGION_PLACE, LocalDate.of(year, 4, 2), false);
        entry(rnd, SMALL_REGION_PLACE, LocalDate.of(year, 6, 9), false);
        // A person removed and registered again within 12 months: a repeat registration.
        Feed.Entry first = new Feed.Entry("751110000", false, "PAROLE", UUID.randomUUID());
        first.register(LocalDate.of(year - 1, 2, 1));
        first.remove(LocalDate.of(year - 1, 11, 1));
        entries.add(new SeededEntry(first, LocalDate.of(year - 1, 2, 1), LocalDate.of(year - 1, 11, 1)));
        Feed.Entry again = new Feed.Entry("751110000", false, "PAROLE", first.personId);
        again.register(LocalDate.of(year, 3, 1));
        entries.add(new SeededEntry(again, LocalDate.of(year, 3, 1), null));

        List<Feed.Entry> open = entries.stream().map(SeededEntry::entry).toList();
        for (int i = 0; i < 90; i++) {
            SeededEntry owner = entries.get(rnd.nextInt(entries.size()));
            LocalDate assigned = owner.registered().plusDays(rnd.nextInt(60));
            if (assigned.getYear() > year) {
                continue;
            }
            Feed.Measure m = new Feed.Measure(owner.entry(), "PREVENTIVE_CONVERSATION", rnd.nextBoolean() ? "POLICE" : "SOCIAL",
                    assigned.plusDays(10 + rnd.nextInt(30)));
            m.assign(assigned);
            LocalDate completed = null;
            LocalDate cancelled = null;
            int fate = rnd.nextInt(4);
            if (fate <= 1) {
                completed = assigned.plusDays(1 + rnd.nextInt(50));
                m.complete(completed);
            } else if (fate == 2) {
                cancelled = assigned.plusDays(5);
                m.cancel(cancelled);
            }
            measures.add(new SeededMeasure(m, assigned, completed, cancelled));
        }
        for (int d = 0; d < 4; d++) {
            LocalDate adopted = LocalDate.of(year, 2 + d * 2, 10);
            Map<String, LocalDate> done = new LinkedHashMap<>();
            List<CommissionEvents.Instruction> list = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                Feed.Entry e = open.get(rnd.nextInt(open.size()));
                list.add(new CommissionEvents.Instruction("I-" + d + "-" + k, e.id, "PREVENTIVE_CONVERSATION", "POLICE",
                        adopted.plusDays(20)));
            }
            UUID decision = Feed.decide("751110000", adopted, list);
            for (CommissionEvents.Instruction ins : list) {
                Feed.Entry e = open.stream().filter(x -> x.id.equals(ins.entryId())).findFirst().orElseThrow();
                Feed.Measure m = new Feed.Measure(e, ins.measureType(), ins.executingAgency(), ins.dueDate());
                m.assign(adopted.plusDays(1), decision, ins.instructionId());
                LocalDate completed = adopted.plusDays(rnd.nextBoolean() ? 15 : 30);
                m.complete(completed);
                measures.add(new SeededMeasure(m, adopted.plusDays(1), completed, null));
                instructions.add(new SeededInstruction(adopted, ins.dueDate(), completed));
                done.put(ins.instructionId(), completed);
            }
        }
        for (int i = 0; i < 25; i++) {
            Feed.Entry e = open.get(rnd.nextInt(open.size()));
            LocalDate visit = LocalDate.of(year, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
            LocalDate due = visit.plusDays(rnd.nextInt(3) - 1);
            e.control(visit, due);
            controls.add(visit);
            controlDues.add(new Control(e.id, due, !visit.isAfter(due)));
        }
        for (int i = 0; i < 9; i++) {
            Feed.Entry e = open.get(rnd.nextInt(open.size()));
            LocalDate due = LocalDate.of(year - rnd.nextInt(2), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
            e.controlOverdue(due);
            e.controlOverdue(due); // raised again for the same due date (a redelivery in effect): counted once
            missedControls.add(new Missed(e.id, due));
        }
        // Order 163's other deadlines and expired terms, each raised twice (the second changes nothing).
        for (int i = 0; i < 12; i++) {
            Feed.Entry e = open.get(rnd.nextInt(open.size()));
            String deadline = DEADLINES[rnd.nextInt(DEADLINES.length)];
            LocalDate due = LocalDate.of(year - rnd.nextInt(2), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
            e.deadlineMissed(deadline, due);
            e.deadlineMissed(deadline, due);
            missedDeadlines.add(new Missed163(e.id, deadline, due));
        }
        for (int i = 0; i < 8; i++) {
            Feed.Entry e = open.get(rnd.nextInt(open.size()));
            LocalDate end = LocalDate.of(year - rnd.nextInt(2), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
            e.termExpired(end);
            e.termExpired(end);
            expiredTerms.add(new Missed(e.id, end));
        }
    }

    private void entry(Random rnd, String place, LocalDate registered, boolean minor) {
        Feed.Entry e = new Feed.Entry(place, minor);
        e.register(registered);
        LocalDate removed = null;
        if (rnd.nextInt(4) == 0) {
            removed = registered.plusDays(30 + rnd.nextInt(200));
            if (removed.getYear() > year) {
                removed = null;
            } else {
                e.remove(removed);
            }
        }
        entries.add(new SeededEntry(e, registered, removed));
    }

    // ---- expected figures, computed without the service ----

    public long registered(int y) {
        return entries.stream().filter(e -> e.registered().getYear() == y).count();
    }

    public long registered(int y, String regionPrefix) {
        return entries.stream().filter(e -> e.registered().getYear() == y && e.entry().region.startsWith(regionPrefix)).count();
    }

    public long minorsRegistered(int y) {
        return entries.stream().filter(e -> e.registered().getYear() == y && e.entry().minor).count();
    }

    public long removed(int y) {
        return entries.stream().filter(e -> e.removed() != null && e.removed().getYear() == y).count();
    }

    public long onRegistryAtEnd(int y) {
        LocalDate end = LocalDate.of(y, 12, 31);
        return entries.stream().filter(e -> !e.registered().isAfter(end) && (e.removed() == null || e.removed().isAfter(end)))
                .count();
    }

    public long repeatRegistrations(int y) {
        long n = 0;
        for (SeededEntry e : entries) {
            if (e.registered().getYear() != y) {
                continue;
            }
            boolean repeat = entries.stream().anyMatch(r -> r != e && r.entry().personId.equals(e.entry().personId)
                    && r.removed() != null && !r.removed().isAfter(e.registered())
                    && !r.removed().isBefore(e.registered().minusMonths(12)));
            n += repeat ? 1 : 0;
        }
        return n;
    }

    public long measuresAssigned(int y) {
        return measures.stream().filter(m -> m.assigned().getYear() == y).count();
    }

    public long doneOnTime(int y) {
        return measures.stream().filter(m -> m.completed() != null && m.completed().getYear() == y
                && !m.completed().isAfter(m.measure().due)).count();
    }

    public long doneLate(int y) {
        return measures.stream().filter(m -> m.completed() != null && m.completed().getYear() == y
                && m.completed().isAfter(m.measure().due)).count();
    }

    public long cancelled(int y) {
        return measures.stream().filter(m -> m.cancelled() != null && m.cancelled().getYear() == y).count();
    }

    public long instructionsIssued(int y) {
        return instructions.stream().filter(i -> i.adopted().getYear() == y).count();
    }

    public long instructionsOnTime(int y) {
        return instructions.stream().filter(i -> i.adopted().getYear() == y && !i.completed().isAfter(i.due())).count();
    }

    public long controls(int y) {
        return controls.stream().filter(d -> d.getYear() == y).count();
    }

    /** The territory an entry is kept in (no seeded entry is transferred). */
    String regionOf(UUID entry) {
        return entries.stream().filter(e -> e.entry().id.equals(entry)).findFirst().orElseThrow().entry().region;
    }

    /** Entries in {@code prefix} with a control due date in {@code y}: a visit due then, or a due date missed. */
    public java.util.Set<UUID> withControlDue(int y, String prefix) {
        java.util.Set<UUID> out = new java.util.HashSet<>();
        controlDues.stream().filter(c -> c.due().getYear() == y).forEach(c -> out.add(c.entry()));
        missedControls.stream().filter(m -> m.due().getYear() == y).forEach(m -> out.add(m.entry()));
        out.removeIf(e -> !regionOf(e).startsWith(prefix));
        return out;
    }

    /** Of those, the entries none of whose due dates in {@code y} was missed or visited late. */
    public long rhythmKept(int y, String prefix) {
        java.util.Set<UUID> broke = new java.util.HashSet<>();
        controlDues.stream().filter(c -> c.due().getYear() == y && !c.onTime()).forEach(c -> broke.add(c.entry()));
        missedControls.stream().filter(m -> m.due().getYear() == y).forEach(m -> broke.add(m.entry()));
        return withControlDue(y, prefix).stream().filter(e -> !broke.contains(e)).count();
    }

    /** The Order 163 and control-rhythm figures of {@code y} for the entries kept in {@code prefix} ("" the republic). */
    public Map<String, Long> order163(int y, String prefix) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("CONTROL_RHYTHM_ENTRIES", (long) withControlDue(y, prefix).size());
        m.put("CONTROL_RHYTHM_KEPT", rhythmKept(y, prefix));
        m.put("ORDER163_DEADLINES_MISSED", missedDeadlines.stream().distinct()
                .filter(x -> x.due().getYear() == y && regionOf(x.entry()).startsWith(prefix)).count());
        m.put("TERMS_EXPIRED", expiredTerms.stream().distinct()
                .filter(x -> x.due().getYear() == y && regionOf(x.entry()).startsWith(prefix)).count());
        return m;
    }

    /** Indicator code → expected value for a year. */
    public Map<String, Long> expected(int y) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("ENTRIES_REGISTERED", registered(y));
        m.put("ENTRIES_REGISTERED_MINORS", minorsRegistered(y));
        m.put("ENTRIES_REMOVED", removed(y));
        m.put("ENTRIES_ON_REGISTRY_AT_END", onRegistryAtEnd(y));
        m.put("REPEAT_REGISTRATIONS_12M", repeatRegistrations(y));
        m.put("MEASURES_ASSIGNED", measuresAssigned(y));
        m.put("MEASURES_DONE_ON_TIME", doneOnTime(y));
        m.put("MEASURES_DONE_LATE", doneLate(y));
        m.put("MEASURES_CANCELLED", cancelled(y));
        m.put("INSTRUCTIONS_ISSUED", instructionsIssued(y));
        m.put("INSTRUCTIONS_DONE_ON_TIME", instructionsOnTime(y));
        m.put("CONTROL_VISITS", controls(y));
        m.put("CONTROL_DEADLINES_MISSED", missedControls.stream().distinct().filter(x -> x.due().getYear() == y).count());
        m.putAll(order163(y, ""));
        return m;
    }
}
