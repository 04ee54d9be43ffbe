package kz.prevention.commission.decision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import kz.prevention.persistence.read.Audited;

/** A decision with its instructions; read audited against the person its item is about. */
@Schema(name = "Decision")
public record DecisionView(UUID id, UUID itemId, UUID sessionId, UUID commissionId, String number, String text,
        String legalBasis, DecisionStatus status, Integer votesFor, Integer votesAgainst, Integer votesAbstain,
        LocalDate adoptedOn, UUID corrects, List<InstructionView> instructions, long version,
        @JsonIgnore UUID personId) implements Audited {

    @Override
    public String auditType() {
        return "decision";
    }

    @Override
    public String auditId() {
        return id.toString();
    }

    @Override
    public UUID auditPersonId() {
        return personId;
    }

    public static DecisionView of(Decision d, LocalDate today) {
        return new DecisionView(d.id, d.item.id, d.session.id, d.commission.id, d.number, d.text, d.legalBasis, d.status,
                d.votesFor, d.votesAgainst, d.votesAbstain, d.adoptedOn, d.correctsId,
                d.instructions().stream().map(i -> InstructionView.of(i, today)).toList(), d.version, d.item.personId);
    }
}
