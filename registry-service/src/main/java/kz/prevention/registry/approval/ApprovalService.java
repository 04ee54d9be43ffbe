package kz.prevention.registry.approval;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.prevention.commons.paging.Page;
import kz.prevention.commons.paging.PageRequest;
import kz.prevention.commons.access.Denials;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.commons.security.Caller;
import kz.prevention.eventing.contract.RegistryEvents;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.persistence.history.Changes;
import kz.prevention.reference.ReferenceCatalogs;
import kz.prevention.registry.access.RegistryAccess;
import kz.prevention.registry.lifecycle.EntryChanges;
import kz.prevention.registry.entry.EntryLoader;
import kz.prevention.registry.lifecycle.ExtendRequest;
import kz.prevention.registry.entry.RegistryEntry;
import kz.prevention.registry.lifecycle.RemovalRequest;
import kz.prevention.registry.entry.SignOff;
import kz.prevention.registry.monitoring.EntryDeadlines;
import kz.prevention.registry.transfer.TransferRequests;
import kz.prevention.registry.transfer.TransferService;

/**
 * One-man management (Law No. 380-IV Art. 4): removing, extending and transferring an entry is
 * first a request by an officer of the keeping body (checked at once, the entry left unchanged),
 * then a decision by an authorised head of that body — never the requester. Approving applies the
 * change through the entry's own code path (so its events are published only then); rejecting
 * needs a reason. Both are in the entry's history and the audit log, and announced as events.
 * A decision locks the entry, then the approval: of two heads deciding at once, one wins and the
 * other gets 409.
 */
@ApplicationScoped
public class ApprovalService {

    @Inject
    EntryLoader loader;
    @Inject
    EntryChanges entryChanges;
    @Inject
    TransferService transfers;
    @Inject
    RegistryAccess access;
    @Inject
    Caller caller;
    @Inject
    Denials denials;
    @Inject
    ChangeRecorder changes;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    ReferenceCatalogs catalogs;
    @Inject
    EntryDeadlines entryDeadlines;

    /** A request just made: the approval and the view answered with 202. */
    public record Requested(EntryApproval approval, ApprovalView view) {

        /** 202 with the pending approval and its Location: removal, extension and transfer answer alike. */
        public Response response() {
            return Response.accepted(view).location(URI.create("/api/v1/approvals/" + approval.id)).build();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Requested requestRemoval(UUID entryId, String ifMatch, RemovalRequest r, LocalDate today) {
        RegistryEntry e = loader.forChange(entryId, ifMatch, today);
        entryChanges.checkRemoval(e, r, today);
        EntryApproval a = open(e, EntryApproval.Kind.REMOVAL, r);
        // The removal-reasons catalog marks an early removal on the person's own request (REFORMED_ON_REQUEST).
        if (catalogs.require(ReferenceCatalogs.REMOVAL_REASONS, r.reason(), "reason", today).flag("onPersonRequest")) {
            entryDeadlines.earlyRemovalRequested(e, a.id, today);
        }
        return requested(a, e);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Requested requestExtension(UUID entryId, String ifMatch, ExtendRequest r, LocalDate today) {
        RegistryEntry e = loader.forChange(entryId, ifMatch, today);
        entryChanges.checkExtension(e, r, today);
        return requested(open(e, EntryApproval.Kind.EXTENSION, r), e);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Requested requestTransfer(UUID entryId, String ifMatch, TransferRequests.Request r, LocalDate today) {
        RegistryEntry e = loader.forChange(entryId, ifMatch, today);
        transfers.checkRequest(e, r);
        return requested(open(e, EntryApproval.Kind.TRANSFER, r), e);
    }

    private Requested requested(EntryApproval a, RegistryEntry e) {
        return new Requested(a, view(a, e));
    }

    private EntryApproval open(RegistryEntry e, EntryApproval.Kind kind, Object request) {
        EntryApproval.pending(e.id, kind).ifPresent(p -> {
            throw new ProblemException(ProblemType.CONFLICT, "a " + kind.name().toLowerCase() + " of this entry already"
                    + " awaits an authorised head's decision (approval " + p.id + ")");
        });
        EntryApproval a = new EntryApproval();
        a.id = UUID.randomUUID();
        a.entryId = e.id;
        a.kind = kind;
        a.status = EntryApproval.Status.PENDING;
        a.request = write(request);
        a.requestedAt = Instant.now();
        a.requestedBy = access.actor();
        a.persist();
        // A request at the same moment breaks the one-pending index here: the loser gets 409.
        em.flush();
        changes.record(e, kind.name() + "_REQUESTED", new Changes().note("approval", a.id).note("requestedBy", a.requestedBy),
                new RegistryEvents.ApprovalRequested(a.id, e.id, kind.name(), e.region));
        return a;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ApprovalView approve(UUID id, Decision.Grant grant, LocalDate today) {
        EntryApproval a = find(id);
        RegistryEntry e = lockForDecision(a, today);
        SignOff signOff = new SignOff(a.id, a.requestedBy, access.actor());
        switch (a.kind) {
            case REMOVAL -> {
                entryChanges.remove(e, read(a, RemovalRequest.class), signOff, today);
                cancelOthers(e, a);
            }
            case EXTENSION -> entryChanges.extend(e, read(a, ExtendRequest.class), signOff, today);
            case TRANSFER -> transfers.request(e, read(a, TransferRequests.Request.class), signOff, today);
        }
        String note = grant == null || grant.note() == null || grant.note().isBlank() ? null : grant.note().strip();
        decide(a, e, EntryApproval.Status.APPROVED, note, today);
        return view(a, e);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ApprovalView reject(UUID id, Decision.Rejection rejection, LocalDate today) {
        EntryApproval a = find(id);
        RegistryEntry e = lockForDecision(a, today);
        decide(a, e, EntryApproval.Status.REJECTED, rejection.reason().strip(), today);
        return view(a, e);
    }

    public ApprovalView get(UUID id, LocalDate today) {
        EntryApproval a = find(id);
        RegistryEntry e = loader.forRead(a.entryId, today);
        return view(a, e);
    }

    /**
     * Approvals of the entries the caller may read (the entries' own rule: territory, agency,
     * minors only with the juvenile role), oldest request first, a page at a time.
     */
    public Page<ApprovalView> list(EntryApproval.Status status, EntryApproval.Kind kind, UUID entryId, PageRequest page,
            LocalDate today) {
        var query = em.createQuery("select a, e from EntryApproval a, RegistryEntry e join fetch e.person"
                + " where e.id = a.entryId and a.status = :status" + (kind == null ? "" : " and a.kind = :kind")
                + (entryId == null ? "" : " and a.entryId = :entryId")
                + " and e.region like :scope order by a.requestedAt, a.id", Object[].class)
                .setParameter("status", status).setParameter("scope", access.regionPrefix() + "%");
        if (kind != null) {
            query.setParameter("kind", kind);
        }
        if (entryId != null) {
            query.setParameter("entryId", entryId);
        }
        List<Object[]> rows = query.getResultList();
        List<ApprovalView> visible = rows.stream()
                .filter(r -> access.mayRead((RegistryEntry) r[1], today, null))
                .map(r -> view((EntryApproval) r[0], (RegistryEntry) r[1])).toList();
        int from = Math.min(page.offset(), visible.size());
        int to = Math.min(from + page.size(), visible.size());
        return Page.of(visible.subList(from, to), page, visible.size());
    }

    private EntryApproval find(UUID id) {
        EntryApproval a = EntryApproval.findById(id);
        if (a == null) {
            throw ProblemException.notFound("approval " + id);
        }
        return a;
    }

    /**
     * The entry locked first (the order every change of it takes), the caller checked as a head of
     * its keeping body who did not ask for this, then the approval locked and still pending.
     */
    private RegistryEntry lockForDecision(EntryApproval a, LocalDate today) {
        RegistryEntry e;
        try {
            e = loader.forDecision(a.entryId, today);
        } catch (ProblemException hidden) {
            if (hidden.type() == ProblemType.NOT_FOUND) {
                // The approval is answered as not found too: its id tells nothing about a hidden entry.
                throw ProblemException.notFound("approval " + a.id);
            }
            throw hidden;
        }
        if (a.requestedBy.equals(access.actor())) {
            denials.record("approval", a.id, e.person.id, "own request");
            throw new ProblemException(ProblemType.FORBIDDEN, "you requested this " + a.kind.name().toLowerCase()
                    + "; under one-man management another authorised head of the body decides it");
        }
        em.refresh(a, LockModeType.PESSIMISTIC_WRITE);
        if (!a.isPending()) {
            throw new ProblemException(ProblemType.CONFLICT, "this request was already decided: " + a.status
                    + (a.decidedBy == null ? "" : " by " + a.decidedBy) + " at " + a.decidedAt);
        }
        return e;
    }

    private void decide(EntryApproval a, RegistryEntry e, EntryApproval.Status status, String reason, LocalDate today) {
        a.status = status;
        a.decidedAt = Instant.now();
        a.decidedBy = access.actor();
        a.deciderUnit = caller.unit().orElse(null);
        a.decisionReason = reason;
        Changes c = new Changes().note("approval", a.id).note("requestedBy", a.requestedBy)
                .note(status == EntryApproval.Status.APPROVED ? "approvedBy" : "rejectedBy", a.decidedBy);
        if (reason != null) {
            c.note(status == EntryApproval.Status.APPROVED ? "note" : "reason", reason);
        }
        changes.record(e, a.kind.name() + "_" + status.name(), c,
                new RegistryEvents.ApprovalDecided(a.id, e.id, a.kind.name(), e.region, status.name()));
        if (a.kind == EntryApproval.Kind.REMOVAL) {
            entryDeadlines.earlyRemovalDecided(e, a.id, today, a.decidedBy);
        }
    }

    /** A removed entry has nothing left to extend or transfer: other requests about it are closed. */
    private void cancelOthers(RegistryEntry e, EntryApproval approved) {
        for (EntryApproval other : EntryApproval.pendingFor(e.id)) {
            if (!other.id.equals(approved.id)) {
                other.status = EntryApproval.Status.CANCELLED;
                other.decidedAt = Instant.now();
                other.decidedBy = access.actor();
                other.deciderUnit = caller.unit().orElse(null);
                other.decisionReason = "the entry was removed from the registry (approval " + approved.id + ")";
            }
        }
    }

    ApprovalView view(EntryApproval a, RegistryEntry e) {
        try {
            return new ApprovalView(a.id, a.kind.name(), a.status.name(), e.id, e.caseNumber, e.category, e.region,
                    json.readTree(a.request), a.requestedBy, a.requestedAt, a.decidedBy, a.deciderUnit, a.decidedAt,
                    a.decisionReason, e.person.id);
        } catch (JsonProcessingException broken) {
            throw new IllegalStateException("approval " + a.id + " holds a request that is not JSON", broken);
        }
    }

    private String write(Object request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request not serialisable", e);
        }
    }

    private <T> T read(EntryApproval a, Class<T> type) {
        try {
            return json.readValue(a.request, type);
        } catch (JsonProcessingException broken) {
            throw new IllegalStateException("approval " + a.id + " holds a request that is not a " + type.getSimpleName(),
                    broken);
        }
    }
}
