package kz.prevention.commission.minutes;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.prevention.commission.agenda.AgendaItem;
import kz.prevention.commission.assistant.RewardService;
import kz.prevention.commission.agenda.ItemStatus;
import kz.prevention.commission.commission.CommissionMember;
import kz.prevention.commission.commission.MemberRole;
import kz.prevention.commission.decision.Adoption;
import kz.prevention.commission.decision.Decision;
import kz.prevention.commission.rules.Tally;
import kz.prevention.commission.session.CommissionSession;
import kz.prevention.commission.session.SessionEvents;
import kz.prevention.commission.session.SessionStatus;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.persistence.history.Changes;
import kz.prevention.commission.sitting.Recusal;
import kz.prevention.commission.sitting.SittingService;

/**
 * The presiding chair signs the minutes off: with a quorum, every drafted decision is decided by
 * its votes and becomes final (adopted ones published), undecided items go back to the proposals
 * for a later session, a public assistant's reward item grants or rejects its reward, and the
 * minutes PDF is kept — all in one transaction, or nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SignOffService {

    @Inject
    SittingService sitting;
    @Inject
    Adoption adoption;
    @Inject
    MinutesComposer composer;
    @Inject
    MinutesPdf pdf;
    @Inject
    ChangeRecorder changes;
    @Inject
    SessionEvents events;
    @Inject
    RewardService rewards;

    public Minutes signOff(CommissionSession s, CommissionMember signer) {
        if (s.status == SessionStatus.SIGNED) {
            throw new ProblemException(ProblemType.CONFLICT, "the minutes of session " + s.number + " are already signed");
        }
        if (s.status == SessionStatus.SCHEDULED) {
            throw new ProblemException(ProblemType.CONFLICT, "the sitting has not begun: no attendance was recorded");
        }
        SittingService.Quorum q = sitting.quorum(s);
        if (!q.quorate()) {
            throw new ProblemException(ProblemType.CONFLICT, "no quorum: " + q.present() + " of " + q.members() + " present, "
                    + q.required() + " needed; the minutes cannot be signed");
        }
        Set<UUID> present = sitting.presentIds(s);
        requirePresiding(s, signer, present);
        List<MinutesComposer.ItemResult> results = new ArrayList<>();
        int adopted = 0;
        for (AgendaItem item : AgendaItem.<AgendaItem>list("session = ?1 and status = ?2 order by createdAt, id", s,
                ItemStatus.ACCEPTED)) {
            Decision d = Decision.find("item", item).firstResult();
            Set<UUID> recused = Recusal.<Recusal>list("key.itemId", item.id).stream().map(r -> r.key.memberId())
                    .collect(Collectors.toSet());
            if (d == null) {
                carryOver(item, s);
            } else {
                Tally t = sitting.tally(item);
                kz.prevention.commission.rules.Outcome outcome = adoption.finalise(d, t, s.commission.rules().outcome(t));
                if (outcome == kz.prevention.commission.rules.Outcome.ADOPTED) {
                    adopted++;
                }
                rewards.decided(item, d, outcome);
                item.status = ItemStatus.DECIDED;
                item.updatedAt = Instant.now();
                changes.record(item, "DECIDED", new Changes().note("decision", d.number), null);
            }
            results.add(new MinutesComposer.ItemResult(item, d, recused));
        }
        Instant signedAt = Instant.now();
        List<CommissionMember> members = s.commission.membersOn(s.date);
        byte[] document = pdf.render("Протокол № " + s.number, composer.compose(s, q, members, present, results, signer, signedAt));
        Minutes m = new Minutes();
        m.sessionId = s.id;
        m.pdf = document;
        m.sha256 = sha256(document);
        m.signedBy = signer.username;
        m.signedAt = signedAt;
        m.persist();
        Changes diff = new Changes();
        s.status = diff.set("status", s.status, SessionStatus.SIGNED);
        diff.note("minutesSha256", m.sha256);
        s.updatedAt = signedAt;
        changes.record(s, "SIGNED", diff, events.held(s, q.members(), q.present(), adopted));
        return m;
    }

    /** The chair signs; in the chair's absence the deputy chair presides and signs. */
    private static void requirePresiding(CommissionSession s, CommissionMember signer, Set<UUID> present) {
        boolean chairPresent = s.commission.membersOn(s.date).stream()
                .anyMatch(m -> m.role == MemberRole.CHAIR && present.contains(m.id));
        boolean presiding = present.contains(signer.id)
                && (signer.role == MemberRole.CHAIR || (!chairPresent && signer.role == MemberRole.DEPUTY_CHAIR));
        if (!presiding) {
            throw new ProblemException(ProblemType.FORBIDDEN, "only the presiding chair, present at the sitting, signs the minutes");
        }
    }

    private void carryOver(AgendaItem item, CommissionSession s) {
        Changes diff = new Changes();
        item.status = diff.set("status", item.status, ItemStatus.DEFERRED);
        diff.set("sessionId", s.id, null);
        item.session = null;
        item.reason = diff.set("reason", item.reason, "not decided at sitting No. " + s.number);
        item.updatedAt = Instant.now();
        changes.record(item, "DEFERRED", diff, null);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
