package kz.prevention.persistence.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.commons.paging.Page;
import kz.prevention.commons.paging.PageRequest;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;

/** The audit log, for the prosecutor's oversight. */
@Path("/api/v1/audit")
@Tag(name = "audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditLogQueries queries;

    @Inject
    AuditVerifier verifier;

    @GET
    @RolesAllowed("supervisor")
    @Operation(summary = "Who read or changed personal data, newest first")
    public Page<AuditRow> search(@QueryParam("actor") String actor, @QueryParam("personId") String personId,
            @QueryParam("resourceType") String resourceType, @QueryParam("resourceId") String resourceId,
            @QueryParam("action") String action, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        AuditLogQueries.Filter filter = new AuditLogQueries.Filter(blankToNull(actor), uuid("personId", personId),
                blankToNull(resourceType), blankToNull(resourceId), action(action), instant("from", from), instant("to", to));
        return queries.search(filter, PageRequest.of(page, size));
    }

    @GET
    @Path("/verify")
    @RolesAllowed({"supervisor", "platform-admin"})
    @Operation(summary = "Check every row, the seal chain and the latest checkpoint with the key: valid, or what was tampered with")
    public AuditVerification verify() {
        return verifier.verify();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String action(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AuditAction.valueOf(value.trim()).name();
        } catch (IllegalArgumentException e) {
            throw ProblemException.field(ProblemType.VALIDATION, "action", "one of READ, SEARCH, CREATE, UPDATE, DELETE, SYSTEM, DENIED");
        }
    }

    private static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.field(ProblemType.VALIDATION, field, "must be a UUID");
        }
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.field(ProblemType.VALIDATION, field, "must be an ISO-8601 instant, e.g. 2026-11-01T00:00:00Z");
        }
    }
}
