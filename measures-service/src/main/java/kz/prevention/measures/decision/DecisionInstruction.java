package kz.prevention.measures.decision;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A commission decision's instruction as received, and what was done with it. */
@Entity
@Table(name = "decision_instruction")
public class DecisionInstruction extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "decision_id") UUID decisionId, @Column(name = "instruction_id") String instructionId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "commission_kind")
    public String commissionKind;

    @Column(name = "decision_number")
    public String decisionNumber;

    public String region;

    @Column(name = "entry_id")
    public UUID entryId;

    @Column(name = "measure_type")
    public String measureType;

    @Column(name = "executing_agency")
    public String executingAgency;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "adopted_on")
    public LocalDate adoptedOn;

    @Enumerated(EnumType.STRING)
    public InstructionStatus status;

    public String reason;

    @Column(name = "measure_id")
    public UUID measureId;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
