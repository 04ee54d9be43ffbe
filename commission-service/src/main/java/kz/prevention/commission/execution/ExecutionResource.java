package kz.prevention.commission.execution;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.commission.agenda.Materials;
import kz.prevention.commission.commission.Commission;
import kz.prevention.commission.decision.DecisionStatus;
import kz.prevention.commission.decision.Instruction;
import kz.prevention.commission.decision.InstructionStatus;
import kz.prevention.commission.decision.InstructionView;
import kz.prevention.commons.access.Roles;
import kz.prevention.commons.territory.Today;

/** How a commission's adopted decisions are being executed: the dashboard, and the instructions behind it. */
@Path("/api/v1/commissions/{id}/execution")
@Tag(name = "execution")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMMISSION_SECRETARY, Roles.COMMISSION_MEMBER, Roles.SUPERVISOR})
public class ExecutionResource {

    /** Which instructions to list. */
    public enum Filter {
        OPEN, OVERDUE, EXECUTED, ALL
    }

    @Schema(name = "ExecutionDashboard")
    public record Dashboard(UUID commissionId, LocalDate asOf, long executedOnTime, long executedLate, long openOnTime,
            long overdue, long cancelled, long total) {
    }

    @Inject
    Materials materials;
    @Inject
    Today today;

    @GET
    @Operation(summary = "The execution dashboard of the commission's adopted decisions: on time, late, open, overdue")
    public Dashboard dashboard(@PathParam("id") UUID commissionId) {
        Commission c = materials.commissionForRead(commissionId);
        List<Instruction> all = adopted(c);
        LocalDate day = today.date();
        return new Dashboard(c.id, day,
                all.stream().filter(i -> i.status == InstructionStatus.EXECUTED && !i.executedOn.isAfter(i.dueDate)).count(),
                all.stream().filter(i -> i.status == InstructionStatus.EXECUTED && i.executedOn.isAfter(i.dueDate)).count(),
                all.stream().filter(i -> i.status.isOpen() && !i.dueDate.isBefore(day)).count(),
                all.stream().filter(i -> i.status.isOpen() && i.dueDate.isBefore(day)).count(),
                all.stream().filter(i -> i.status == InstructionStatus.CANCELLED).count(), all.size());
    }

    @GET
    @Path("/instructions")
    @Operation(summary = "The commission's instructions (default: the open ones), by deadline")
    public List<InstructionView> instructions(@PathParam("id") UUID commissionId, @QueryParam("status") Filter filter) {
        Commission c = materials.commissionForRead(commissionId);
        LocalDate day = today.date();
        Filter f = filter == null ? Filter.OPEN : filter;
        return adopted(c).stream().filter(i -> switch (f) {
            case OPEN -> i.status.isOpen();
            case OVERDUE -> i.status.isOpen() && i.dueDate.isBefore(day);
            case EXECUTED -> i.status == InstructionStatus.EXECUTED;
            case ALL -> true;
        }).limit(1000).map(i -> InstructionView.of(i, day)).toList();
    }

    private static List<Instruction> adopted(Commission c) {
        return Instruction.list("decision.commission = ?1 and decision.status = ?2 order by dueDate, id", c,
                DecisionStatus.ADOPTED);
    }
}
