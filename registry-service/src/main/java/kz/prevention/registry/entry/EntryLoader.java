package kz.prevention.registry.entry;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import kz.prevention.commons.concurrency.ETags;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.registry.access.RegistryAccess;

/** Loads an entry for reading or changing, applying access rules and If-Match. */
@ApplicationScoped
public class EntryLoader {

    @Inject
    EntityManager em;
    @Inject
    RegistryAccess access;

    public RegistryEntry forRead(UUID id, LocalDate today) {
        return readable(id, today).entry();
    }

    /**
     * An entry the caller may read, with its person and its pending transfer (which the view shows and the
     * access rule needs), in one query: a GET by id is the most frequent call, and the transfer's own
     * query was ~17 % of its worker time (JFR, docs/benchmarks/platform-analysis.md).
     */
    public Readable readable(UUID id, LocalDate today) {
        List<Object[]> rows = em.createQuery("select e, t from RegistryEntry e join fetch e.person"
                + " left join EntryTransfer t on t.entryId = e.id and t.status = ?2 where e.id = ?1", Object[].class)
                .setParameter(1, id).setParameter(2, EntryTransfer.Status.PENDING.name()).setMaxResults(1)
                .getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("entry " + id);
        }
        RegistryEntry e = (RegistryEntry) rows.get(0)[0];
        EntryTransfer pending = (EntryTransfer) rows.get(0)[1];
        if (!access.mayRead(e, today, pending == null ? null : pending.toRegion)) {
            throw access.hidden(e);
        }
        return new Readable(e, pending);
    }

    /** An entry as read, and its pending transfer (null when none). */
    public record Readable(RegistryEntry entry, EntryTransfer pending) {
    }

    /** Locked for the rest of the transaction, checked against If-Match, and writable by the caller. */
    public RegistryEntry forChange(UUID id, String ifMatch, LocalDate today) {
        RegistryEntry e = em.find(RegistryEntry.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw ProblemException.notFound("entry " + id);
        }
        String pendingTarget = EntryTransfer.pendingFor(id).map(t -> t.toRegion).orElse(null);
        if (!access.mayRead(e, today, pendingTarget)) {
            throw access.hidden(e);
        }
        access.requireWrite(e, today, pendingTarget);
        ETags.requireMatch(ifMatch, e.version);
        return e;
    }

    /**
     * Locked for the rest of the transaction, for an authorised head deciding a request about it:
     * 404 when the caller may not see it, 403 when it is not the head of the body keeping it. No
     * If-Match: the head decides the request as it was made; its checks run again on the entry as it is.
     */
    public RegistryEntry forDecision(UUID id, LocalDate today) {
        RegistryEntry e = em.find(RegistryEntry.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw ProblemException.notFound("entry " + id);
        }
        access.requireDecide(e, today);
        return e;
    }

    /**
     * Locked for the rest of the transaction, for an act reserved to an authorised head of the keeping
     * body (the quarterly file review): 404 when the caller may not see it, 403 when it is not that head.
     * If-Match is checked when sent (the act adds a record; it overwrites nothing).
     */
    public RegistryEntry forHeadAct(UUID id, String ifMatch, LocalDate today, String act) {
        RegistryEntry e = em.find(RegistryEntry.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw ProblemException.notFound("entry " + id);
        }
        access.requireHead(e, today, act);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, e.version);
        }
        return e;
    }

    /**
     * For the receiving body deciding a transfer: locked for the rest of the transaction, with its
     * pending transfer (null when none; the caller answers that as a conflict). The checks run in
     * this order so each answer tells only what the caller may know: 404 when it may not see the
     * entry, 403 (audited) when it may see but not decide, and only then If-Match (412) — a caller
     * who may not decide learns nothing from a stale ETag.
     */
    public Readable forIncomingTransfer(UUID id, String ifMatch, LocalDate today) {
        RegistryEntry e = em.find(RegistryEntry.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw ProblemException.notFound("entry " + id);
        }
        EntryTransfer pending = EntryTransfer.pendingFor(id).orElse(null);
        access.requireDecideTransfer(e, pending == null ? null : pending.toRegion, today);
        ETags.requireMatch(ifMatch, e.version);
        return new Readable(e, pending);
    }
}
