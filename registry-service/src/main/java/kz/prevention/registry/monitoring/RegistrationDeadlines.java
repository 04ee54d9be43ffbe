package kz.prevention.registry.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.prevention.reference.calendar.Order163Deadlines;
import kz.prevention.registry.entry.RegistryEntry;

/**
 * The Order 163 deadlines a registration starts. Three of them are met by the registration itself, so
 * a registration that comes too late is raised here, once, in its own transaction — never silently
 * accepted:
 * <ul>
 * <li>DATA_ENTRY, working days from the grounding document's date;</li>
 * <li>RESPONSIBLE_OFFICER (category PROTECTIVE_ORDER), 24 hours from the protective order's issue. The
 * registry names the responsible officer when it registers (the field is required), and holds the
 * order's date without a time: the order may have been issued at any moment of that day, so the 24
 * hours are taken to end with the next day — the reading that never raises an officer named in time;</li>
 * <li>SPECIAL_REQUIREMENTS_REGISTRATION (category SPECIAL_REQUIREMENTS), calendar days from the day the
 * court ruling reached the body ({@code receivedOn}, else the ruling's date).</li>
 * </ul>
 * Two wait for a later act: CONTROL_PLAN (supervision without a risk level yet) and
 * WARNING_COPY_TO_PROSECUTOR (category OFFICIAL_WARNING, 24 hours from the warning's date, counted as
 * above; met by the recorded copy).
 */
@ApplicationScoped
public class RegistrationDeadlines {

    /** Registry categories (codes of the registry-categories catalog) whose ground starts a deadline of its own. */
    static final String PROTECTIVE_ORDER = "PROTECTIVE_ORDER";
    static final String SPECIAL_REQUIREMENTS = "SPECIAL_REQUIREMENTS";
    static final String OFFICIAL_WARNING = "OFFICIAL_WARNING";

    @Inject
    EntryDeadlines deadlines;

    /** Starts the new entry's deadlines; returns those this registration missed, each raised once. */
    public List<EntryDeadline> registered(RegistryEntry e, boolean needsControlPlan, LocalDate today) {
        List<EntryDeadline> missed = new ArrayList<>();
        metNow(e, Order163Deadlines.DATA_ENTRY, e.docDate, today, "the grounding document of " + e.docDate)
                .ifPresent(missed::add);
        if (PROTECTIVE_ORDER.equals(e.category)) {
            metNow(e, Order163Deadlines.RESPONSIBLE_OFFICER, e.docDate, today,
                    "the protective order of " + e.docDate + " (24 hours; the order's time is not held, so to the end of"
                            + " the next day)").ifPresent(missed::add);
        }
        if (SPECIAL_REQUIREMENTS.equals(e.category)) {
            metNow(e, Order163Deadlines.SPECIAL_REQUIREMENTS_REGISTRATION, e.docReceived(), today,
                    "the court ruling received on " + e.docReceived() + " (3 calendar days)").ifPresent(missed::add);
        }
        if (needsControlPlan && e.riskLevel == null) {
            deadlines.start(e, Order163Deadlines.CONTROL_PLAN, EntryDeadlines.ENTRY, e.startDate);
        }
        if (OFFICIAL_WARNING.equals(e.category)) {
            deadlines.start(e, Order163Deadlines.WARNING_COPY_TO_PROSECUTOR, EntryDeadlines.ENTRY, e.docDate);
        }
        return missed;
    }

    /** A deadline started on {@code start} and met by this registration today: raised when today is past it. */
    private Optional<EntryDeadline> metNow(RegistryEntry e, String code, LocalDate start, LocalDate today, String from) {
        return deadlines.startMet(e, code, EntryDeadlines.ENTRY, start, today)
                .filter(d -> today.isAfter(d.dueOn) && deadlines.raise(e, d, "registered on " + today + ", after " + from
                        + " required it by " + d.dueOn + " (Order 163, " + code + ", rule " + d.rule + ")"));
    }
}
