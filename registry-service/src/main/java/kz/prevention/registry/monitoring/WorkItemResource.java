package kz.prevention.registry.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import kz.prevention.commons.access.Roles;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.commons.paging.Page;
import kz.prevention.commons.paging.PageRequest;
import java.util.List;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.registry.access.RegistryAccess;
import kz.prevention.commons.territory.Today;
import kz.prevention.registry.entry.EntryLoader;

/** Deadlines raised by the monitor, for the officers of the territory to act on. */
@Path("/api/v1/work-items")
@Tag(name = "work items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REGISTRY_OFFICER, Roles.JUVENILE_INSPECTOR, Roles.SUPERVISOR})
public class WorkItemResource {

    @Inject
    EntityManager em;
    @Inject
    RegistryAccess access;
    @Inject
    EntryLoader entries;
    @Inject
    Today today;

    public record Resolution(@NotBlank @Size(max = 1000) String resolution) {
    }

    @GET
    @Operation(summary = "Work items of your territory, oldest due first (open ones unless open=false)")
    public Page<WorkItem> list(@QueryParam("kind") String kind, @QueryParam("open") Boolean open,
            @Parameter(description = "only this entry's work items") @QueryParam("entryId") UUID entryId,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest pr = PageRequest.of(page, size);
        StringBuilder where = new StringBuilder(
                " from WorkItem w, RegistryEntry e join e.person p where w.entryId = e.id and w.region like :scope");
        Map<String, Object> params = new HashMap<>();
        params.put("scope", access.regionPrefix() + "%");
        String minorRecord = "(e.categoryGroup = 'MINOR' or p.birthDate > :adultBornBy)";
        if (!access.seesMinors() || !access.seesAdults()) {
            where.append(access.seesMinors() ? " and " : " and not ").append(minorRecord);
            params.put("adultBornBy", today.date().minusYears(18));
        }
        if (entryId != null) {
            where.append(" and w.entryId = :entryId");
            params.put("entryId", entryId);
        }
        if (kind != null) {
            try {
                params.put("kind", WorkItem.Kind.valueOf(kind).name());
            } catch (IllegalArgumentException e) {
                throw ProblemException.field(ProblemType.VALIDATION, "kind", "one of " + java.util.Arrays.toString(WorkItem.Kind.values()));
            }
            where.append(" and w.kind = :kind");
        }
        where.append(Boolean.FALSE.equals(open) ? " and w.resolvedAt is not null" : " and w.resolvedAt is null");
        var count = em.createQuery("select count(w)" + where, Long.class);
        var items = em.createQuery("select w, p.id" + where + " order by w.dueDate, w.createdAt", Object[].class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            items.setParameter(k, v);
        });
        List<WorkItem> found = items.setFirstResult(pr.offset()).setMaxResults(pr.size()).getResultList().stream()
                .map(row -> {
                    WorkItem w = (WorkItem) row[0];
                    w.personId = (UUID) row[1];
                    return w;
                }).toList();
        return Page.of(found, pr, count.getSingleResult());
    }

    @POST
    @Path("/{id}/resolution")
    @Transactional
    @Operation(summary = "Close a work item with a note of what was done")
    public WorkItem resolve(@PathParam("id") UUID id, @Valid @NotNull Resolution r) {
        WorkItem w = WorkItem.findById(id);
        if (w == null) {
            throw ProblemException.notFound("work item " + id);
        }
        LocalDate day = today.date();
        w.personId = entries.forChange(w.entryId, "*", day).person.id;
        if (w.resolvedAt != null) {
            throw new ProblemException(ProblemType.CONFLICT, "already resolved by " + w.resolvedBy);
        }
        w.resolvedAt = Instant.now();
        w.resolvedBy = access.actor();
        w.resolution = r.resolution().strip();
        return w;
    }
}
