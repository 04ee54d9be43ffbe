package kz.prevention.measures.measure;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import kz.prevention.commons.concurrency.ETags;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.measures.access.MeasuresAccess;

/** Loads a measure for reading or changing, applying access rules and If-Match. */
@ApplicationScoped
public class MeasureLoader {

    @Inject
    EntityManager em;
    @Inject
    MeasuresAccess access;

    public Measure forRead(UUID id) {
        Measure m = Measure.findById(id);
        if (m == null || !access.mayReadMeasure(m)) {
            throw ProblemException.notFound("measure " + id);
        }
        return m;
    }

    /** For the executing agency: locked, checked against If-Match. */
    public Measure forExecution(UUID id, String ifMatch) {
        Measure m = locked(id);
        access.requireExecution(m);
        ETags.requireMatch(ifMatch, m.version);
        return m;
    }

    /** For the planner of the measure's plan: locked, checked against If-Match. */
    public Measure forPlanning(UUID id, String ifMatch) {
        Measure m = locked(id);
        access.requirePlanning(m);
        ETags.requireMatch(ifMatch, m.version);
        return m;
    }

    private Measure locked(UUID id) {
        Measure m = em.find(Measure.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (m == null || !access.mayReadMeasure(m)) {
            throw ProblemException.notFound("measure " + id);
        }
        return m;
    }
}
