package kz.prevention.commission.commission;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import kz.prevention.commission.rules.RulesDefaults;
import kz.prevention.commons.access.Roles;
import kz.prevention.commons.concurrency.ETags;
import kz.prevention.commons.paging.Page;
import kz.prevention.commons.paging.PageRequest;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.territory.Today;
import kz.prevention.persistence.history.HistoryEntry;
import kz.prevention.persistence.history.HistoryLog;
import kz.prevention.persistence.idempotency.IdempotencyKeys;
import kz.prevention.persistence.idempotency.IdempotentCreation;
import kz.prevention.persistence.read.AuditedList;

/** Commissions of a territory: their approving act, voting rules and members. */
@Path("/api/v1/commissions")
@Tag(name = "commissions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMMISSION_SECRETARY, Roles.COMMISSION_MEMBER, Roles.SUPERVISOR})
public class CommissionResource {

    @Inject
    CommissionService service;
    @Inject
    CommissionAccess access;
    @Inject
    RulesDefaults defaults;
    @Inject
    IdempotentCreation idempotent;
    @Inject
    HistoryLog history;
    @Inject
    EntityManager em;
    @Inject
    Today today;

    @GET
    @Operation(summary = "Commissions you may see: of your territory (secretary), those you are a member of today (member), all (supervisor)")
    public Page<CommissionView> search(@QueryParam("kind") CommissionKind kind, @QueryParam("level") CommissionLevel level,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest p = PageRequest.of(page, size);
        StringBuilder where = new StringBuilder("(?1 = true or territory like ?2 or id in (select m.commission.id from"
                + " CommissionMember m where ?3 = true and m.username = ?4 and m.fromDate <= ?5 and (m.toDate is null or m.toDate >= ?5)))");
        boolean all = access.isSupervisor();
        // A secretary's territory prefix; a member without the secretary role matches no territory.
        String scope = access.isSecretary() ? access.territoryPrefix() + "%" : "-";
        List<Object> args = new java.util.ArrayList<>(List.of(all, scope, access.isMember(), access.username(), today.date()));
        if (kind != null) {
            args.add(kind);
            where.append(" and kind = ?").append(args.size());
        }
        if (level != null) {
            args.add(level);
            where.append(" and level = ?").append(args.size());
        }
        long total = Commission.count(where.toString(), args.toArray());
        List<Commission> items = Commission.<Commission>find(where + " order by territory, kind, id", args.toArray())
                .range(p.offset(), p.offset() + p.size() - 1).list();
        return Page.of(items.stream().map(c -> CommissionView.of(c, false)).toList(), p, total);
    }

    @GET
    @Path("/rules-defaults")
    @Operation(summary = "The platform's dated default voting rules a new commission gets (the law gives none)")
    public RulesDefaults.Defaults rulesDefaults() {
        return defaults.defaults();
    }

    @POST
    @Operation(summary = "Create a commission of your territory (secretary); send Idempotency-Key to make retries safe")
    @APIResponse(responseCode = "201", description = "created; Location and ETag set")
    @APIResponse(responseCode = "409", description = "the territory already has a commission of this kind and level")
    public Response create(
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, description = "any unique string, e.g. a UUID")
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull CreateCommissionRequest request) {
        return idempotent.create(idempotencyKey, request, () -> {
            access.requireCreateIn(request.territory());
            Commission c = service.create(request, access.username());
            return new IdempotentCreation.Created("/api/v1/commissions/" + c.id, c.version, CommissionView.of(c, true));
        }, location -> get(UUID.fromString(location.substring(location.lastIndexOf('/') + 1))));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One commission with its members and rules, and its ETag")
    public Response get(@PathParam("id") UUID id) {
        Commission c = readable(id);
        return Response.ok(CommissionView.of(c, true)).header("ETag", ETags.of(c.version)).build();
    }

    @Transactional
    @PUT
    @Path("/{id}/rules")
    @Operation(summary = "Set the commission's voting rules (secretary); needs If-Match")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response setRules(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull RulesRequest request) {
        Commission c = managed(id);
        ETags.requireMatch(ifMatch, c.version);
        service.setRules(c, request);
        em.flush();
        return Response.ok(CommissionView.of(c, true)).header("ETag", ETags.of(c.version)).build();
    }

    @Transactional
    @POST
    @Path("/{id}/members")
    @Operation(summary = "Add a member for a term (secretary)")
    @APIResponse(responseCode = "201", description = "added")
    @APIResponse(responseCode = "409", description = "the username is already a member then, or the role is taken then")
    public Response addMember(@PathParam("id") UUID id, @Valid @NotNull MemberRequest request) {
        Commission c = managed(id);
        CommissionMember m = service.addMember(c, request, today.date());
        return Response.status(Response.Status.CREATED).header("Location", "/api/v1/commissions/" + id + "/members/" + m.id)
                .entity(MemberView.of(m)).build();
    }

    @Transactional
    @PATCH
    @Path("/{id}/members/{memberId}")
    @Operation(summary = "Change a member's position or end its term (secretary)")
    public MemberView updateMember(@PathParam("id") UUID id, @PathParam("memberId") UUID memberId,
            @Valid @NotNull MemberUpdate request) {
        Commission c = managed(id);
        CommissionMember m = CommissionMember.findById(memberId);
        if (m == null || !m.commission.id.equals(c.id)) {
            throw ProblemException.notFound("member " + memberId);
        }
        service.updateMember(m, request);
        em.flush();
        return MemberView.of(m);
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every change of the commission: created, rules changed")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        Commission c = readable(id);
        return new AuditedList<>("commission-history", c.id, null, history.of("commission", c.id));
    }

    private Commission readable(UUID id) {
        Commission c = Commission.findById(id);
        if (c == null) {
            throw ProblemException.notFound("commission " + id);
        }
        access.requireRead(c, today.date());
        return c;
    }

    /** Locked for the change, by a secretary of its territory. */
    private Commission managed(UUID id) {
        Commission c = em.find(Commission.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemException.notFound("commission " + id);
        }
        access.requireManage(c, today.date());
        return c;
    }
}
