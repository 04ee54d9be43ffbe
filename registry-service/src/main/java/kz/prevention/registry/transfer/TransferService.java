package kz.prevention.registry.transfer;

import kz.prevention.persistence.history.Changes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.eventing.contract.RegistryEvents;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.registry.access.RegistryAccess;
import kz.prevention.registry.entry.EntryLoader;
import kz.prevention.registry.entry.EntryRules;
import kz.prevention.registry.entry.OfficerAssignments;
import kz.prevention.registry.entry.RegistryEntry;
import kz.prevention.registry.entry.SignOff;
import kz.prevention.registry.monitoring.EntryDeadlines;
import kz.prevention.registry.monitoring.WorkItems;
import kz.prevention.registry.entry.EntryTransfer;

/**
 * A person on the registry changed address: the keeping body sends the file to the body of the
 * new territory (within 3 working days, Order 163), which accepts it — and from then keeps the
 * entry — or rejects it, and the entry stays where it was.
 */
@ApplicationScoped
public class TransferService {

    @Inject
    EntryLoader loader;
    @Inject
    EntryRules rules;
    @Inject
    RegistryAccess access;
    @Inject
    EntryDeadlines entryDeadlines;
    @Inject
    WorkItems workItems;
    @Inject
    ChangeRecorder changes;
    @Inject
    OfficerAssignments officers;

    /**
     * Whether the transfer may be requested: checked when it is requested (so a request that could
     * never be approved is refused at once) and again when an authorised head approves it.
     */
    public void checkRequest(RegistryEntry e, TransferRequests.Request r) {
        if (!e.isActive()) {
            throw new ProblemException(ProblemType.CONFLICT, "the entry was removed from the registry");
        }
        rules.checkRegion("toRegion", r.toRegion());
        if (r.toRegion().equals(e.region)) {
            throw ProblemException.field(ProblemType.UNPROCESSABLE, "toRegion", "the entry is already kept there");
        }
        if (EntryTransfer.pendingFor(e.id).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "a transfer of this entry is already pending");
        }
    }

    /**
     * Sends the file of the entry (locked by the caller) as an authorised head approved it: the
     * transfer is then pending at the receiving body, and its file due within 3 working days.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public RegistryEntry request(RegistryEntry e, TransferRequests.Request r, SignOff signOff, LocalDate today) {
        checkRequest(e, r);
        EntryTransfer t = new EntryTransfer();
        t.id = UUID.randomUUID();
        t.entryId = e.id;
        t.fromRegion = e.region;
        t.toRegion = r.toRegion();
        t.reason = r.reason().strip();
        t.newAddress = r.newAddress();
        t.requestedAt = Instant.now();
        t.requestedBy = signOff.requestedBy();
        // The transfer exists from the head's approval: the file's working days count from then.
        t.fileDueDate = entryDeadlines.transferRequested(e, t.id, today);
        t.status = EntryTransfer.Status.PENDING.name();
        t.persist();
        e.updatedAt = Instant.now();
        Changes c = new Changes().note("toRegion", t.toRegion);
        signOff.noteIn(c);
        changes.record(e, "TRANSFER_REQUESTED", c,
                new RegistryEvents.TransferRequested(e.id, t.id, t.fromRegion, t.toRegion, t.fileDueDate));
        return e;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public RegistryEntry accept(UUID entryId, String ifMatch, TransferRequests.Acceptance a, LocalDate today) {
        EntryLoader.Readable decided = loader.forIncomingTransfer(entryId, ifMatch, today);
        RegistryEntry e = decided.entry();
        EntryTransfer t = pending(decided);
        Changes c = new Changes();
        e.region = c.set("region", e.region, t.toRegion);
        e.registeringBody = c.set("registeringBody", e.registeringBody, a.registeringBody().strip());
        officers.assign(e, c, a.responsibleOfficer());
        e.updatedAt = Instant.now();
        decide(t, EntryTransfer.Status.ACCEPTED, null);
        entryDeadlines.transferDecided(e, t.id, today, access.actor());
        workItems.follow(e);
        changes.record(e, "TRANSFER_ACCEPTED", c, new RegistryEvents.Transferred(e.id, t.id, t.fromRegion, t.toRegion));
        // The receiving unit holds the entry from today, with its officer (or none named with an account).
        officers.announce(e, OfficerAssignments.Occasion.TRANSFERRED, today);
        return e;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public RegistryEntry reject(UUID entryId, String ifMatch, TransferRequests.Rejection r, LocalDate today) {
        EntryLoader.Readable decided = loader.forIncomingTransfer(entryId, ifMatch, today);
        RegistryEntry e = decided.entry();
        EntryTransfer t = pending(decided);
        decide(t, EntryTransfer.Status.REJECTED, r.reason().strip());
        entryDeadlines.transferDecided(e, t.id, today, access.actor());
        e.updatedAt = Instant.now();
        changes.record(e, "TRANSFER_REJECTED", new Changes().note("reason", t.decisionReason),
                new RegistryEvents.TransferRejected(e.id, t.id, t.fromRegion, t.toRegion));
        return e;
    }

    /**
     * Pending transfers into ("incoming") or out of ("outgoing") the caller's territory, a page at a
     * time, each only if the caller may read its entry (a minor's only with the juvenile role).
     */
    public kz.prevention.commons.paging.Page<TransferView> list(String direction, kz.prevention.commons.paging.PageRequest page,
            LocalDate today) {
        String prefix = access.regionPrefix() + "%";
        String column = "outgoing".equals(direction) ? "t.fromRegion" : "t.toRegion";
        List<Object[]> rows = EntryTransfer.getEntityManager().createQuery(
                "select t, e from EntryTransfer t, RegistryEntry e join fetch e.person where e.id = t.entryId"
                        + " and t.status = :pending and " + column + " like :scope order by t.requestedAt", Object[].class)
                .setParameter("pending", EntryTransfer.Status.PENDING.name()).setParameter("scope", prefix).getResultList();
        List<TransferView> visible = rows.stream()
                .filter(r -> access.mayRead((RegistryEntry) r[1], today, ((EntryTransfer) r[0]).toRegion))
                .map(r -> TransferView.of((EntryTransfer) r[0], ((RegistryEntry) r[1]).person.id)).toList();
        int from = Math.min(page.offset(), visible.size());
        int to = Math.min(from + page.size(), visible.size());
        return kz.prevention.commons.paging.Page.of(visible.subList(from, to), page, visible.size());
    }

    /** The transfer being decided; its absence is a state conflict, answered after access and If-Match. */
    private static EntryTransfer pending(EntryLoader.Readable decided) {
        if (decided.pending() == null) {
            throw new ProblemException(ProblemType.CONFLICT, "no transfer of this entry is pending");
        }
        return decided.pending();
    }

    private void decide(EntryTransfer t, EntryTransfer.Status status, String reason) {
        t.status = status.name();
        t.decidedAt = Instant.now();
        t.decidedBy = access.actor();
        t.decisionReason = reason;
    }
}
