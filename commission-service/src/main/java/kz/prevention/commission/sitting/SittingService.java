package kz.prevention.commission.sitting;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import kz.prevention.commission.agenda.AgendaItem;
import kz.prevention.commission.agenda.ItemStatus;
import kz.prevention.commission.commission.CommissionMember;
import kz.prevention.commission.commission.MemberRole;
import kz.prevention.commission.rules.Tally;
import kz.prevention.commission.rules.VoteChoice;
import kz.prevention.commission.rules.VotingRules;
import kz.prevention.commission.session.CommissionSession;
import kz.prevention.commission.session.SessionStatus;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.persistence.history.Changes;

/**
 * The sitting's rules: attendance opens it; no vote without a quorum of the members of the day;
 * a member votes once, as themselves, when present and not recused; the tally counts only the
 * members who could vote on the item, and knows how the presiding chair voted.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SittingService {

    @Inject
    ChangeRecorder changes;
    @Inject
    EntityManager em;

    /** Who was present, the quorum the day's membership needs, and whether it is met. */
    public record Quorum(int members, int present, int required, boolean quorate) {
    }

    public void recordAttendance(CommissionSession s, List<UUID> present, java.time.LocalDate today) {
        if (s.status == SessionStatus.SIGNED) {
            throw new ProblemException(ProblemType.CONFLICT, "session " + s.id + " is signed; its attendance is final");
        }
        if (today.isBefore(s.date)) {
            throw new ProblemException(ProblemType.CONFLICT, "the sitting is on " + s.date + "; attendance is taken then");
        }
        Set<UUID> members = s.commission.membersOn(s.date).stream().map(m -> m.id).collect(Collectors.toSet());
        Set<UUID> wanted = new HashSet<>(present);
        if (!members.containsAll(wanted)) {
            throw ProblemException.field(ProblemType.UNPROCESSABLE, "present", "every id must be a member of the commission"
                    + " on " + s.date);
        }
        if (wanted.size() != present.size()) {
            throw ProblemException.field(ProblemType.VALIDATION, "present", "a member is listed twice");
        }
        Set<UUID> before = presentIds(s);
        for (UUID gone : before) {
            if (!wanted.contains(gone) && Vote.count("key.memberId = ?1 and key.itemId in (select i.id from AgendaItem i"
                    + " where i.session = ?2)", gone, s) > 0) {
                throw new ProblemException(ProblemType.CONFLICT, "member " + gone + " has voted at this sitting and cannot be"
                        + " recorded absent");
            }
        }
        for (Attendance a : Attendance.<Attendance>list("key.sessionId", s.id)) {
            if (!wanted.contains(a.key.memberId())) {
                a.delete();
            }
        }
        for (UUID id : wanted) {
            if (before.contains(id)) {
                continue;
            }
            Attendance a = new Attendance();
            a.key = new Attendance.Key(s.id, id);
            a.recordedAt = Instant.now();
            a.persist();
        }
        Changes diff = new Changes();
        diff.set("present", before.size(), wanted.size());
        if (s.status == SessionStatus.SCHEDULED) {
            s.status = diff.set("status", s.status, SessionStatus.SITTING);
        }
        s.updatedAt = Instant.now();
        changes.record(s, "ATTENDANCE", diff, null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<UUID> presentIds(CommissionSession s) {
        return Attendance.<Attendance>list("key.sessionId", s.id).stream().map(a -> a.key.memberId()).collect(Collectors.toSet());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Quorum quorum(CommissionSession s) {
        VotingRules rules = s.commission.rules();
        List<CommissionMember> members = s.commission.membersOn(s.date);
        Set<UUID> present = presentIds(s);
        int count = (int) members.stream().filter(m -> present.contains(m.id)).count();
        return new Quorum(members.size(), count, rules.quorumOf(members.size()), rules.quorate(count, members.size()));
    }

    public void recuse(AgendaItem item, CommissionMember me, String reason) {
        requireOpenItem(item);
        if (Vote.findById(new Vote.Key(item.id, me.id)) != null) {
            throw new ProblemException(ProblemType.CONFLICT, "you have voted on this item; a conflict of interest is declared before voting");
        }
        if (Recusal.findById(new Recusal.Key(item.id, me.id)) != null) {
            throw new ProblemException(ProblemType.CONFLICT, "you have already declared a conflict of interest on this item");
        }
        Recusal r = new Recusal();
        r.key = new Recusal.Key(item.id, me.id);
        r.reason = reason;
        r.declaredAt = Instant.now();
        r.persist();
        changes.record(item, "RECUSAL", new Changes().note("memberId", me.id), null);
    }

    public void vote(AgendaItem item, CommissionMember me, VoteChoice choice) {
        requireOpenItem(item);
        CommissionSession s = item.session;
        Quorum q = quorum(s);
        if (!q.quorate()) {
            throw new ProblemException(ProblemType.CONFLICT, "no quorum: " + q.present() + " of " + q.members()
                    + " members present, " + q.required() + " needed; no vote is taken");
        }
        if (!presentIds(s).contains(me.id)) {
            throw new ProblemException(ProblemType.CONFLICT, "you are not recorded present at this sitting");
        }
        if (Recusal.findById(new Recusal.Key(item.id, me.id)) != null) {
            throw new ProblemException(ProblemType.CONFLICT, "you declared a conflict of interest on this item and do not vote on it");
        }
        if (Vote.findById(new Vote.Key(item.id, me.id)) != null) {
            throw new ProblemException(ProblemType.CONFLICT, "you have already voted on this item; a vote is cast once");
        }
        Vote v = new Vote();
        v.key = new Vote.Key(item.id, me.id);
        v.choice = choice;
        v.castAt = Instant.now();
        v.persist();
        em.flush();
        changes.record(item, "VOTE", new Changes().note("memberId", me.id).note("choice", choice), null);
    }

    /** The votes on an item so far, counted for the commission's rules. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Tally tally(AgendaItem item) {
        CommissionSession s = item.session;
        Set<UUID> present = presentIds(s);
        Set<UUID> recused = Recusal.<Recusal>list("key.itemId", item.id).stream().map(r -> r.key.memberId())
                .collect(Collectors.toSet());
        List<CommissionMember> eligible = s.commission.membersOn(s.date).stream()
                .filter(m -> present.contains(m.id) && !recused.contains(m.id)).toList();
        Map<UUID, VoteChoice> votes = votes(item);
        int forVotes = count(votes, VoteChoice.FOR);
        int against = count(votes, VoteChoice.AGAINST);
        int abstain = count(votes, VoteChoice.ABSTAIN);
        VoteChoice chair = presiding(eligible).map(m -> votes.get(m.id)).orElse(null);
        return new Tally(forVotes, against, abstain, eligible.size(), chair);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, VoteChoice> votes(AgendaItem item) {
        return Vote.<Vote>list("key.itemId", item.id).stream().collect(Collectors.toMap(v -> v.key.memberId(), v -> v.choice));
    }

    /** The chair presides; in the chair's absence (or recusal) the deputy chair. */
    private static java.util.Optional<CommissionMember> presiding(List<CommissionMember> eligible) {
        return eligible.stream().filter(m -> m.role == MemberRole.CHAIR).findFirst()
                .or(() -> eligible.stream().filter(m -> m.role == MemberRole.DEPUTY_CHAIR).findFirst());
    }

    private static int count(Map<UUID, VoteChoice> votes, VoteChoice choice) {
        return (int) votes.values().stream().filter(choice::equals).count();
    }

    private static void requireOpenItem(AgendaItem item) {
        if (item.status != ItemStatus.ACCEPTED || item.session == null) {
            throw new ProblemException(ProblemType.CONFLICT, "agenda item " + item.id + " is " + item.status
                    + "; only items accepted into a sitting are voted on");
        }
        if (item.session.status == SessionStatus.SCHEDULED) {
            throw new ProblemException(ProblemType.CONFLICT, "the sitting has not begun: the secretary records attendance first");
        }
        if (item.session.status == SessionStatus.SIGNED) {
            throw new ProblemException(ProblemType.CONFLICT, "the minutes are signed; the sitting is over");
        }
    }
}
