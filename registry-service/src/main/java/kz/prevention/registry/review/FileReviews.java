package kz.prevention.registry.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.persistence.history.Changes;
import kz.prevention.persistence.read.AuditedList;
import kz.prevention.reference.calendar.Order163Deadlines;
import kz.prevention.registry.access.RegistryAccess;
import kz.prevention.registry.lifecycle.EntryChanges;
import kz.prevention.registry.entry.EntryLoader;
import kz.prevention.registry.entry.RegistryEntry;
import kz.prevention.registry.monitoring.EntryDeadlines;

/**
 * The quarterly review of each active case file by a deputy chief (Order 163), recorded by an
 * authorised head of the keeping body — never by an officer without that role. A review meets the
 * FILE_REVIEW deadline and starts the next period (three months from it: the monitor counts from the
 * last review). It changes nothing in the entry, so it bumps no ETag and publishes no event; it is in
 * the entry's history and the audit log.
 */
@ApplicationScoped
public class FileReviews {

    static final String ACT = "reviewing a case file (Order 163: quarterly, by a deputy chief)";

    @Inject
    EntryLoader loader;
    @Inject
    RegistryAccess access;
    @Inject
    EntryDeadlines deadlines;
    @Inject
    ChangeRecorder changes;

    @Transactional(Transactional.TxType.MANDATORY)
    public FileReview record(UUID entryId, String ifMatch, FileReviewRequest r, LocalDate today) {
        RegistryEntry e = loader.forHeadAct(entryId, ifMatch, today, ACT);
        EntryChanges.requireActive(e);
        if (r.reviewedOn().isBefore(e.startDate) || r.reviewedOn().isAfter(today)) {
            throw ProblemException.field(ProblemType.VALIDATION, "reviewedOn", "must lie between the start of control "
                    + e.startDate + " and today");
        }
        FileReview review = new FileReview();
        review.id = UUID.randomUUID();
        review.entryId = e.id;
        review.reviewedOn = r.reviewedOn();
        review.reviewer = access.actor();
        review.reviewerUnit = access.unit();
        review.findings = r.findings().strip();
        review.recordedAt = Instant.now();
        review.persist();
        deadlines.meet(e, List.of(Order163Deadlines.FILE_REVIEW), null, r.reviewedOn(), review.reviewer,
                "case file reviewed on " + r.reviewedOn());
        changes.record(e, "FILE_REVIEWED", new Changes().note("review", review.id).note("reviewedOn", r.reviewedOn())
                .note("reviewer", review.reviewer).note("reviewerUnit", review.reviewerUnit), null);
        return review;
    }

    public List<FileReview> of(UUID entryId, LocalDate today) {
        RegistryEntry e = loader.forRead(entryId, today);
        return new AuditedList<>("file-reviews", e.id, e.person.id,
                FileReview.<FileReview>list("entryId = ?1 order by reviewedOn, recordedAt", e.id));
    }
}
