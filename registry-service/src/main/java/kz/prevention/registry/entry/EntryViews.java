package kz.prevention.registry.entry;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;

import kz.prevention.commons.concurrency.ETags;
import kz.prevention.registry.control.ControlRules;
import kz.prevention.registry.transfer.EntryTransfer;

/** Builds the API's view of an entry, and the response carrying it with its ETag. */
@ApplicationScoped
public class EntryViews {

    @Inject
    ControlRules controls;
    @Inject
    EntityManager em;

    public EntryView of(RegistryEntry e, LocalDate today) {
        return EntryView.of(e, today, controls.frequency(e.measure).name(), EntryTransfer.pendingFor(e.id).orElse(null));
    }

    public Response ok(RegistryEntry e, LocalDate today) {
        // After a change, flush first: the version (ETag) only moves when Hibernate writes the row.
        if (em.isJoinedToTransaction()) {
            em.flush();
        }
        return Response.ok(of(e, today)).header("ETag", ETags.of(e.version)).build();
    }
}
