package kz.prevention.registry.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import kz.prevention.registry.entry.RegistryEntry;

/** Opens and closes work items; an action that settles a deadline closes its items itself. */
@ApplicationScoped
public class WorkItems {

    public void open(RegistryEntry entry, WorkItem.Kind kind, LocalDate due, String details) {
        WorkItem w = new WorkItem();
        w.id = UUID.randomUUID();
        w.entryId = entry.id;
        w.kind = kind.name();
        w.region = entry.region;
        w.dueDate = due;
        w.details = details;
        w.createdAt = Instant.now();
        w.persist();
    }

    /** Closes the entry's open items of these kinds. */
    public void resolve(RegistryEntry entry, List<WorkItem.Kind> kinds, String actor, String resolution) {
        WorkItem.update("resolvedAt = ?1, resolvedBy = ?2, resolution = ?3 where entryId = ?4 and kind in ?5"
                + " and resolvedAt is null", Instant.now(), actor, resolution, entry.id,
                kinds.stream().map(Enum::name).toList());
    }

    /** Moves open items with their entry when it is transferred. */
    public void follow(RegistryEntry entry) {
        WorkItem.update("region = ?1 where entryId = ?2 and resolvedAt is null", entry.region, entry.id);
    }
}
