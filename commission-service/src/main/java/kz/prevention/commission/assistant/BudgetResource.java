package kz.prevention.commission.assistant;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.commission.commission.CommissionAccess;
import kz.prevention.commission.agenda.Materials;
import kz.prevention.commission.commission.Commission;
import kz.prevention.commission.commission.CommissionKind;
import kz.prevention.commons.access.Roles;
import kz.prevention.commons.concurrency.ETags;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;

/** The maslikhat's yearly budget for a commission's rewards of public assistants (Art. 47). */
@Path("/api/v1/commissions/{id}/assistant-budgets/{year}")
@Tag(name = "public assistants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMMISSION_SECRETARY, Roles.COMMISSION_MEMBER, Roles.SUPERVISOR})
public class BudgetResource {

    @Inject
    Materials materials;
    @Inject
    CommissionAccess access;
    @Inject
    Budgets budgets;
    @Inject
    EntityManager em;

    @GET
    @Operation(summary = "The year's budget: approved, granted, reserved by proposals, remaining (tenge), with its ETag")
    public Response readBudget(@PathParam("id") UUID commissionId, @PathParam("year") @Min(2000) @Max(2999) int year) {
        Commission c = materials.commissionForRead(commissionId);
        AssistantBudget b = budgets.find(c.id, year)
                .orElseThrow(() -> ProblemException.notFound("budget " + year + " of commission " + c.id));
        return Response.ok(BudgetView.of(b, budgets.use(c.id, year))).header("ETag", ETags.of(b.version)).build();
    }

    @Transactional
    @PUT
    @Operation(summary = "Set the year's budget with the maslikhat's decision (secretary of an interdepartmental commission);"
            + " replacing one needs If-Match")
    @APIResponse(responseCode = "409", description = "less than what is already granted and proposed")
    @APIResponse(responseCode = "422", description = "not an interdepartmental commission")
    public Response setBudget(@PathParam("id") UUID commissionId, @PathParam("year") @Min(2000) @Max(2999) int year,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull BudgetRequest request) {
        Commission c = materials.commissionForManage(commissionId);
        if (c.kind != CommissionKind.INTERDEPARTMENTAL) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "public assistants' rewards are decided by the akimat's"
                    + " interdepartmental commission");
        }
        budgets.find(c.id, year).ifPresent(existing -> ETags.requireMatch(ifMatch, existing.version));
        AssistantBudget b = budgets.set(c.id, year, request, access.username());
        em.flush(); // the version the answer's ETag names
        return Response.ok(BudgetView.of(b, budgets.use(c.id, year))).header("ETag", ETags.of(b.version)).build();
    }
}
