package kz.prevention.measures.measure;

import java.time.LocalDate;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;

import kz.prevention.commons.concurrency.ETags;

/** Builds the API's view of a measure (with the type's names in kk/ru/en) and its response with an ETag. */
@ApplicationScoped
public class MeasureViews {

    @Inject
    MeasureTypes types;
    @Inject
    EntityManager em;

    public MeasureView of(Measure m, LocalDate today) {
        return MeasureView.of(m, types.find(m.type).map(MeasureTypes.Type::names).orElse(Map.of()), today);
    }

    public Response ok(Measure m, LocalDate today) {
        // After a change, flush first: the version (ETag) only moves when Hibernate writes the row.
        if (em.isJoinedToTransaction()) {
            em.flush();
        }
        return Response.ok(of(m, today)).header("ETag", ETags.of(m.version)).build();
    }
}
