package kz.prevention.commission.agenda;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import kz.prevention.commission.commission.Commission;
import kz.prevention.commission.session.CommissionSession;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.territory.Today;
import kz.prevention.commission.commission.CommissionAccess;

/**
 * Loads a commission's materials — the commission, its sessions, its agenda items — for reading or
 * changing, with the access rules applied first: what the caller may not see is not found. A
 * session's materials are the members' of the session's date; proposals not yet on a session, today's.
 */
@ApplicationScoped
public class Materials {

    @Inject
    CommissionAccess access;
    @Inject
    EntityManager em;
    @Inject
    Today today;

    public Commission commissionForRead(UUID id) {
        Commission c = Commission.findById(id);
        if (c == null) {
            throw ProblemException.notFound("commission " + id);
        }
        access.requireRead(c, today.date());
        return c;
    }

    /** Locked, for a secretary of the commission's territory. */
    public Commission commissionForManage(UUID id) {
        Commission c = em.find(Commission.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemException.notFound("commission " + id);
        }
        access.requireManage(c, today.date());
        return c;
    }

    public CommissionSession sessionForRead(UUID id) {
        CommissionSession s = CommissionSession.findById(id);
        if (s == null) {
            throw ProblemException.notFound("session " + id);
        }
        access.requireRead(s.commission, s.date);
        return s;
    }

    /** Locked, for a secretary of the commission's territory. */
    public CommissionSession sessionForManage(UUID id) {
        CommissionSession s = lockedSession(id);
        access.requireManage(s.commission, s.date);
        return s;
    }

    /** Locked, for anyone who may read it (a member acting at the sitting; the rules decide the rest). */
    public CommissionSession sessionForSitting(UUID id) {
        CommissionSession s = lockedSession(id);
        access.requireRead(s.commission, s.date);
        return s;
    }

    private CommissionSession lockedSession(UUID id) {
        CommissionSession s = em.find(CommissionSession.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw ProblemException.notFound("session " + id);
        }
        return s;
    }

    /** Locked, for anyone who may read it (a member acting at the sitting; the rules decide the rest). */
    public AgendaItem itemForSitting(UUID id) {
        AgendaItem i = em.find(AgendaItem.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (i == null) {
            throw ProblemException.notFound("agenda item " + id);
        }
        access.requireRead(i.commission, i.session != null ? i.session.date : today.date());
        return i;
    }

    public AgendaItem itemForRead(UUID id) {
        AgendaItem i = AgendaItem.findById(id);
        if (i == null) {
            throw ProblemException.notFound("agenda item " + id);
        }
        access.requireRead(i.commission, i.session != null ? i.session.date : today.date());
        return i;
    }

    /** Locked, for a secretary of the commission's territory. */
    public AgendaItem itemForManage(UUID id) {
        AgendaItem i = em.find(AgendaItem.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (i == null) {
            throw ProblemException.notFound("agenda item " + id);
        }
        access.requireManage(i.commission, i.session != null ? i.session.date : today.date());
        return i;
    }
}
