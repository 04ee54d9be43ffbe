package kz.prevention.reporting.report;

import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import kz.prevention.commons.access.Roles;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.commons.territory.KatoScope;
import kz.prevention.commons.territory.Today;
import kz.prevention.persistence.read.AuditedFile;
import kz.prevention.reporting.access.ReportingAccess;
import kz.prevention.reporting.figures.FigureParams;

/**
 * The National report: {@code GET /api/v1/reports/national?year=&region=&format=&lang=} answers at
 * once; {@code POST .../national/jobs} runs it as a job whose progress {@code GET
 * /api/v1/reports/jobs/{id}} shows and whose files {@code .../files/{format}} serves. Every
 * export is limited per caller and audited (its answer is an {@link AuditedFile}, which the read
 * filter audits before the bytes leave); below supervisor every figure is suppressed.
 */
@Path("/api/v1/reports")
@RolesAllowed({Roles.ANALYST, Roles.SUPERVISOR, Roles.PLATFORM_ADMIN})
public class ReportResource {

    private static final Logger LOG = Logger.getLogger(ReportResource.class);

    @Inject
    ReportBuilder builder;
    @Inject
    ReportJobs jobs;
    @Inject
    ReportingAccess access;
    @Inject
    ExportLimiter limiter;
    @Inject
    Today today;

    /** {@code error}: why a FAILED job failed (e.g. the service restarted: POST again). */
    public record JobView(UUID id, int year, String region, String lang, String status, int percent, String stage,
            String error, Instant createdAt, Instant finishedAt, Map<String, String> files) {
    }

    @GET
    @Path("/national")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/pdf",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    public Response national(@QueryParam("year") String year, @QueryParam("region") String region,
            @QueryParam("format") String format, @QueryParam("lang") String lang) {
        int y = FigureParams.year(year, today.date().getYear() - 1);
        String scope = reportScope(region);
        ReportExports.Format f = format(format);
        String l = lang(lang);
        limiter.acquire(access.subject());
        NationalReport report = builder.build(y, scope, !access.seesSmallCounts(), (fraction, stage) -> {
        });
        byte[] bytes = ReportExports.export(report, f, l);
        return file(bytes, f, y, scope, "direct").build();
    }

    @POST
    @Path("/national/jobs")
    @Produces(MediaType.APPLICATION_JSON)
    public Response start(@QueryParam("year") String year, @QueryParam("region") String region,
            @QueryParam("lang") String lang) {
        int y = FigureParams.year(year, today.date().getYear() - 1);
        String scope = reportScope(region);
        String l = lang(lang);
        limiter.acquire(access.subject());
        ReportJobStore.Job job = jobs.submit(access.subject(), y, scope, l, !access.seesSmallCounts());
        return Response.accepted(view(job)).location(URI.create("/api/v1/reports/jobs/" + job.id())).build();
    }

    @GET
    @Path("/jobs/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public JobView job(@PathParam("id") String id) {
        return view(owned(id));
    }

    @GET
    @Path("/jobs/{id}/files/{format}")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/pdf",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    public Response download(@PathParam("id") String id, @PathParam("format") String format) {
        ReportJobStore.Job job = owned(id);
        ReportExports.Format f = ReportExports.Format.parse(format);
        if (f == null) {
            throw ProblemException.notFound("file " + format);
        }
        if (job.status() != ReportJobs.Status.DONE) {
            throw new ProblemException(ProblemType.CONFLICT, "the job is " + job.status().name().toLowerCase()
                    + (job.status() == ReportJobs.Status.FAILED ? "; POST the job again" : "; its files are ready when it is done"));
        }
        limiter.acquire(access.subject());
        ReportJobStore.StoredFile stored = jobs.file(job.id(), f).orElseThrow(() -> ProblemException.notFound("file " + format));
        if (!stored.intact()) {
            // The stored bytes no longer match the digest written with them: never serve them as the report.
            LOG.errorf("report job %s: the stored %s file does not match its SHA-256", job.id(), f.extension);
            throw new ProblemException(ProblemType.UNAVAILABLE, "the stored file is damaged: POST the job again");
        }
        return file(stored.bytes(), f, job.year(), job.territory(), "job " + job.id()).header("Repr-Digest",
                "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(stored.sha256())) + ":").build();
    }

    private ReportJobStore.Job owned(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("report job");
        }
        return jobs.find(uuid, access.subject()).orElseThrow(() -> ProblemException.notFound("report job"));
    }

    /** The republic or a region: the report's sections are national or regional. */
    private String reportScope(String region) {
        String scope = access.scope(region);
        if (KatoScope.level(scope) > 1) {
            throw ProblemException.field(ProblemType.VALIDATION, "region", "the republic (000000000) or a region");
        }
        return scope;
    }

    private static ReportExports.Format format(String value) {
        if (value == null) {
            return ReportExports.Format.JSON;
        }
        ReportExports.Format f = ReportExports.Format.parse(value);
        if (f == null) {
            throw ProblemException.field(ProblemType.VALIDATION, "format", "one of json, csv, xlsx, pdf");
        }
        return f;
    }

    private static String lang(String value) {
        if (value == null) {
            return "kk";
        }
        if (!ReportExports.languages().contains(value)) {
            throw ProblemException.field(ProblemType.VALIDATION, "lang", "one of kk, ru, en");
        }
        return value;
    }

    /** The export as a file that says how it is audited: READ of the year's report for the scope, {@code how} served. */
    private Response.ResponseBuilder file(byte[] bytes, ReportExports.Format f, int year, String scope, String how) {
        AuditedFile file = new AuditedFile(bytes, "national-report", year + "/" + scope,
                "export " + f.extension + (access.seesSmallCounts() ? " unsuppressed" : " suppressed") + " (" + how + ")");
        return Response.ok(file, f.mediaType).header("Content-Disposition",
                "attachment; filename=\"national-report-" + year + "-" + scope + "." + f.extension + "\"");
    }

    private static JobView view(ReportJobStore.Job job) {
        Map<String, String> files = new java.util.TreeMap<>();
        if (job.status() == ReportJobs.Status.DONE) {
            for (ReportExports.Format f : ReportExports.Format.values()) {
                files.put(f.extension, "/api/v1/reports/jobs/" + job.id() + "/files/" + f.extension);
            }
        }
        return new JobView(job.id(), job.year(), job.territory(), job.lang(), job.status().name(), job.percent(),
                job.stage(), job.error(), job.createdAt(), job.finishedAt(), files);
    }
}
