package kz.prevention.commission.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.commission.commission.CommissionAccess;
import kz.prevention.commission.agenda.Materials;
import kz.prevention.commission.agenda.AgendaItem;
import kz.prevention.commission.agenda.AgendaItemView;
import kz.prevention.commission.sitting.AttendanceRequest;
import kz.prevention.commission.sitting.AttendanceView;
import kz.prevention.commission.sitting.SittingService;
import kz.prevention.commission.minutes.SignOffService;
import kz.prevention.commission.commission.CommissionMember;
import kz.prevention.commission.minutes.Minutes;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.access.Roles;
import kz.prevention.commons.concurrency.ETags;
import kz.prevention.commons.territory.Today;
import kz.prevention.persistence.idempotency.IdempotentCreation;
import kz.prevention.persistence.read.AuditedFile;
import kz.prevention.commission.session.SessionService;
import kz.prevention.commission.session.SessionView;
import kz.prevention.commission.session.CommissionSession;

/** One session: read by the commission's secretaries, and by its members of the session's date. */
@Path("/api/v1/sessions")
@Tag(name = "sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMMISSION_SECRETARY, Roles.COMMISSION_MEMBER, Roles.SUPERVISOR})
public class SessionResource {

    @Inject
    SessionService sessions;
    @Inject
    Materials materials;
    @Inject
    CommissionAccess access;
    @Inject
    IdempotentCreation idempotent;
    @Inject
    Today today;
    @Inject
    SittingService sitting;
    @Inject
    kz.prevention.persistence.history.HistoryLog historyLog;
    @Inject
    SignOffService signOff;
    @Inject
    jakarta.persistence.EntityManager em;

    @GET
    @Path("/{id}")
    @Operation(summary = "One session, and its ETag")
    public Response get(@PathParam("id") UUID id) {
        CommissionSession s = materials.sessionForRead(id);
        return Response.ok(SessionView.of(s)).header("ETag", ETags.of(s.version)).build();
    }

    @Transactional
    @PUT
    @Path("/{id}/attendance")
    @Operation(summary = "Record who is present (secretary), on or after the sitting's date: the sitting begins")
    @APIResponse(responseCode = "409", description = "the session is signed, or a member who voted would be marked absent")
    public AttendanceView recordAttendance(@PathParam("id") UUID id, @Valid @NotNull AttendanceRequest request) {
        CommissionSession s = materials.sessionForManage(id);
        sitting.recordAttendance(s, request.present(), today.date());
        return attendanceOf(s);
    }

    @GET
    @Path("/{id}/attendance")
    @Operation(summary = "Who is present, and whether the sitting is quorate")
    public AttendanceView attendance(@PathParam("id") UUID id) {
        return attendanceOf(materials.sessionForRead(id));
    }

    private AttendanceView attendanceOf(CommissionSession s) {
        SittingService.Quorum q = sitting.quorum(s);
        return new AttendanceView(s.id, q.members(), q.present(), q.required(), q.quorate(),
                sitting.presentIds(s).stream().sorted().toList());
    }

    @Transactional
    @POST
    @Path("/{id}/sign-off")
    @Operation(summary = "Sign the minutes off (the presiding chair, present): decisions become final, adopted ones are"
            + " published, undecided items return to the proposals")
    @APIResponse(responseCode = "403", description = "not the presiding chair of the sitting")
    @APIResponse(responseCode = "409", description = "no sitting, no quorum, or already signed")
    public Response signOff(@PathParam("id") UUID id) {
        CommissionSession s = materials.sessionForSitting(id);
        CommissionMember me = access.requireActingMember(s.commission, s.date);
        Minutes m = signOff.signOff(s, me);
        em.flush();
        return Response.ok(SessionView.of(s)).header("ETag", ETags.of(s.version))
                .header("Link", "</api/v1/sessions/" + s.id + "/minutes>; rel=\"minutes\"")
                .header("Digest", "sha-256=" + m.sha256).build();
    }

    @GET
    @Path("/{id}/minutes")
    @Produces("application/pdf")
    @Operation(summary = "The signed minutes as PDF (their reads are audited)")
    @APIResponse(responseCode = "200", description = "The PDF as it was signed (its SHA-256 is the sign-off's Digest)",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public AuditedFile minutes(@PathParam("id") UUID id) {
        CommissionSession s = materials.sessionForRead(id);
        Minutes m = Minutes.findById(s.id);
        if (m == null) {
            throw ProblemException.notFound("minutes of session " + id + " (not signed yet)");
        }
        return new AuditedFile(m.pdf, "session-minutes", s.id.toString(), null);
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every change of the session: scheduled, attendance, signed")
    public List<kz.prevention.persistence.history.HistoryEntry> history(@PathParam("id") UUID id) {
        CommissionSession s = materials.sessionForRead(id);
        return new kz.prevention.persistence.read.AuditedList<>("session-history", s.id, null, historyLog.of("session", s.id));
    }

    @GET
    @Path("/{id}/agenda")
    @Operation(summary = "The session's agenda items (each read audited against the person it is about)")
    public List<AgendaItemView> agenda(@PathParam("id") UUID id) {
        CommissionSession s = materials.sessionForRead(id);
        return AgendaItem.<AgendaItem>list("session = ?1 order by createdAt, id", s).stream().map(AgendaItemView::of).toList();
    }
}
