package kz.prevention.registry.lifecycle;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.commons.paging.Page;
import kz.prevention.commons.paging.PageRequest;
import kz.prevention.commons.access.Roles;
import kz.prevention.commons.concurrency.ETags;
import kz.prevention.persistence.history.HistoryEntry;
import kz.prevention.persistence.read.AuditedList;
import kz.prevention.persistence.idempotency.IdempotencyKeys;
import kz.prevention.persistence.idempotency.IdempotentCreation;
import kz.prevention.commons.territory.Today;
import kz.prevention.registry.entry.EntrySearch;
import kz.prevention.registry.entry.RegistryEntry;
import kz.prevention.registry.entry.EntryHistoryLog;
import kz.prevention.registry.entry.EntryStatus;
import kz.prevention.registry.entry.EntryViews;
import kz.prevention.registry.entry.EntryLoader;
import kz.prevention.registry.entry.EntryView;

/** Entries on the preventive registry. */
@Path("/api/v1/entries")
@Tag(name = "entries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REGISTRY_OFFICER, Roles.JUVENILE_INSPECTOR, Roles.SUPERVISOR})
public class EntryResource {

    @Inject
    EntryRegistration registration;
    @Inject
    EntryChanges changes;
    @Inject
    EntryLoader loader;
    @Inject
    EntrySearch search;
    @Inject
    EntryViews views;
    @Inject
    EntryHistoryLog history;
    @Inject
    IdempotentCreation idempotent;
    @Inject
    Today today;

    @POST
    @Operation(summary = "Put a person on the registry",
            description = "Finds the person by IIN (or creates them); persons without an IIN are checked for look-alikes, "
                    + "which are reported as warnings and linked for review. Send Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "registered; Location and ETag headers set")
    @APIResponse(responseCode = "409", description = "already on the registry under this category")
    @APIResponse(responseCode = "422", description = "the data breaks a rule of the law (age, term, IIN mismatch)")
    public Response register(
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, description = "any unique string, e.g. a UUID")
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull RegisterEntryRequest request) {
        return idempotent.create(idempotencyKey, request, () -> {
            RegistrationResult r = registration.register(request, today.date());
            return new IdempotentCreation.Created("/api/v1/entries/" + r.entry().id(), r.entry().version(), r);
        }, location -> {
            LocalDate day = today.date();
            RegistryEntry e = loader.forRead(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)), day);
            return Response.ok(RegistrationResult.replayOf(views.of(e, day))).header("ETag", ETags.of(e.version)).build();
        });
    }

    @GET
    @Operation(summary = "Search entries within your territory",
            description = "Supervisors search everything; officers see adults' entries, juvenile inspectors minors'."
                    + " A search by IIN or name needs the X-Purpose header (why; kept in the audit log).")
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(name = "X-Purpose",
            in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.HEADER,
            description = "Why you search (a case or request number), URL-encoded; required with iin or name",
            example = "case-2026-0042",
            schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, maxLength = 200))
    public Page<EntryView> search(@QueryParam("iin") String iin, @QueryParam("name") String name,
            @QueryParam("region") String region, @QueryParam("category") String category,
            @QueryParam("status") EntryStatus status, @QueryParam("minor") Boolean minor,
            @QueryParam("controlOverdue") Boolean controlOverdue,
            @QueryParam("termEndingWithinDays") Integer termEndingWithinDays,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        LocalDate day = today.date();
        EntrySearch.Criteria criteria = new EntrySearch.Criteria(blank(iin), blank(name), blank(region), blank(category),
                status, minor, controlOverdue, termEndingWithinDays);
        return views.page(search.search(criteria, PageRequest.of(page, size), day), day);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One entry, with its ETag")
    public Response get(@PathParam("id") UUID id) {
        LocalDate day = today.date();
        return views.ok(loader.readable(id, day), day);
    }

    // The view is built in the same transaction: a failure after the change rolls the change back too.
    @Transactional
    @PATCH
    @Path("/{id}")
    @Operation(summary = "Correct case data (fields left out stay as they are); needs If-Match")
    @APIResponse(responseCode = "412", description = "If-Match is stale: read the entry again")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull UpdateEntryRequest request) {
        return views.ok(changes.update(id, ifMatch, request, today.date()), today.date());
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every change of the entry: who, when, what before and after")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        RegistryEntry e = loader.forRead(id, today.date());
        return new AuditedList<>("entry-history", e.id, e.person.id, history.of(e.id));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
