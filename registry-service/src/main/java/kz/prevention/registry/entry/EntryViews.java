package kz.prevention.registry.entry;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;

import kz.prevention.commons.concurrency.ETags;
import kz.prevention.commons.paging.Page;

/** Builds the API's view of an entry, and the response carrying it with its ETag. */
@ApplicationScoped
public class EntryViews {

    @Inject
    ControlRules controls;
    @Inject
    EntityManager em;

    public EntryView of(RegistryEntry e, LocalDate today) {
        return of(e, EntryTransfer.pendingFor(e.id).orElse(null), today);
    }

    private EntryView of(RegistryEntry e, EntryTransfer pending, LocalDate today) {
        return EntryView.of(e, today, controls.frequency(e.measure).name(), pending);
    }

    /** A page of entries as views, their pending transfers read in one query rather than one per entry. */
    public Page<EntryView> page(Page<RegistryEntry> entries, LocalDate today) {
        Map<UUID, EntryTransfer> pending = EntryTransfer.pendingFor(entries.items().stream().map(e -> e.id).toList());
        return entries.map(e -> of(e, pending.get(e.id), today));
    }

    /** A read entry's answer: its view, with the pending transfer its loading already found, and its ETag. */
    public Response ok(EntryLoader.Readable read, LocalDate today) {
        RegistryEntry e = read.entry();
        return Response.ok(of(e, read.pending(), today)).header("ETag", ETags.of(e.version)).build();
    }

    public Response ok(RegistryEntry e, LocalDate today) {
        // After a change, flush first: the version (ETag) only moves when Hibernate writes the row.
        if (em.isJoinedToTransaction()) {
            em.flush();
        }
        return Response.ok(of(e, today)).header("ETag", ETags.of(e.version)).build();
    }
}
