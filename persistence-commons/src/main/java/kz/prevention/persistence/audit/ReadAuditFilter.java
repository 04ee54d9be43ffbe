package kz.prevention.persistence.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import kz.prevention.commons.access.Denials;
import kz.prevention.commons.paging.Page;
import kz.prevention.commons.problem.ProblemResponses;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.persistence.audit.AuditAction;
import kz.prevention.persistence.audit.AuditLog;
import kz.prevention.persistence.audit.AuditRecord;
import kz.prevention.persistence.read.AuditedRead;
import kz.prevention.persistence.read.Audited;

/**
 * The one place reads of personal data are audited: a GET (or an {@link AuditedRead} endpoint)
 * answering with an {@link Audited} view — alone (READ), or in a list or page (SEARCH, one row per
 * view, so a person's access history shows the searches that showed them) — or an idempotent
 * replay of a creation (the resource re-read for the retry) is written to the
 * audit log before the answer leaves. Search criteria are kept only as a keyed digest. If the
 * audit cannot be written the caller gets a 503, never the data. Refused attempts on records that
 * exist (collected in {@link Denials} by the services' access rules) are written as DENIED, whatever
 * the method.
 */
public class ReadAuditFilter {

    private static final Logger LOG = Logger.getLogger(ReadAuditFilter.class);

    @Inject
    AuditLog audit;
    @Inject
    Denials denials;

    @ServerResponseFilter
    public void audit(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        List<AuditRecord> records = new ArrayList<>();
        for (Denials.Denial d : denials.all()) {
            records.add(new AuditRecord(AuditAction.DENIED, d.resourceType(), d.resourceId(), d.personId(),
                    request.getMethod() + " " + request.getUriInfo().getPath() + ": " + d.why()));
        }
        boolean replay = response.getHeaders().containsKey("Idempotent-Replayed");
        if (response.getStatus() >= 200 && response.getStatus() < 300 && (replay || isRead(request, resource))) {
            records.addAll(records(request, response.getEntity()));
        }
        if (records.isEmpty()) {
            return;
        }
        try {
            audit.appendNow(records);
        } catch (RuntimeException e) {
            LOG.errorf("audit of a read of %s failed (%s); the answer is withheld", request.getUriInfo().getPath(),
                    e.getMessage());
            var problem = ProblemResponses.of(ProblemType.UNAVAILABLE, 503,
                    "the access could not be recorded in the audit log, so the data is withheld; try again shortly",
                    request.getUriInfo().getRequestUri().getRawPath(), List.of(), java.util.Map.of());
            response.setStatus(503);
            response.setEntity(problem.getEntity(), null, jakarta.ws.rs.core.MediaType.valueOf(kz.prevention.commons.problem.Problem.MEDIA_TYPE));
            response.getHeaders().remove("ETag");
        }
    }

    private static boolean isRead(ContainerRequestContext request, ResourceInfo resource) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return true;
        }
        return resource != null && resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(AuditedRead.class)
                        || resource.getResourceClass().isAnnotationPresent(AuditedRead.class));
    }

    private List<AuditRecord> records(ContainerRequestContext request, Object entity) {
        List<AuditRecord> out = new ArrayList<>();
        if (entity instanceof Audited one) {
            String details = request.getMethod() + " " + request.getUriInfo().getPath();
            out.add(new AuditRecord(AuditAction.READ, one.auditType(), one.auditId(), one.auditPersonId(),
                    one.auditDetails() == null ? details : details + "; " + one.auditDetails()));
            return out;
        }
        Collection<?> items = entity instanceof Page<?> page ? page.items()
                : entity instanceof Collection<?> c ? c : null;
        if (items == null) {
            return out;
        }
        String criteria = criteria(request);
        String type = null;
        for (Object item : items) {
            if (item instanceof Audited a) {
                type = a.auditType();
                out.add(new AuditRecord(AuditAction.SEARCH, a.auditType(), a.auditId(), a.auditPersonId(), criteria));
            }
        }
        if (out.isEmpty() && items.isEmpty() && request.getUriInfo().getQueryParameters().size() > 0) {
            // A search that found nothing is an access too (someone looked for a person).
            out.add(new AuditRecord(AuditAction.SEARCH, type != null ? type : "search " + request.getUriInfo().getPath(),
                    null, null, criteria + "; nothing found"));
        }
        return out;
    }

    private String criteria(ContainerRequestContext request) {
        var params = request.getUriInfo().getQueryParameters();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        return "GET " + request.getUriInfo().getPath() + (params.isEmpty() ? ""
                : " by " + new TreeSet<>(params.keySet()) + " digest " + audit.digest(query == null ? "" : query));
    }
}
