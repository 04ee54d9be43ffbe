package kz.prevention.commission.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kz.prevention.persistence.change.Tracked;

/**
 * One instruction of a decision to an executing agency: a measure type from the catalog, what to
 * do, by when, and optionally the registry entry concerned. Its id (as text) is the
 * {@code instructionId} of the published decision; measures-service echoes it in measure.assigned,
 * which is how the measure's later events find their way back here.
 */
@Entity
@Table(name = "instruction")
public class Instruction extends PanacheEntityBase implements Tracked {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "decision_id")
    public Decision decision;

    public int position;

    @Column(name = "executing_agency")
    public String executingAgency;

    @Column(name = "measure_type")
    public String measureType;

    public String content;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "entry_id")
    public UUID entryId;

    @Enumerated(EnumType.STRING)
    public InstructionStatus status;

    @Column(name = "measure_id")
    public UUID measureId;

    @Column(name = "executed_on")
    public LocalDate executedOn;

    @Column(name = "overdue_since")
    public LocalDate overdueSince;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Override
    public String resourceType() {
        return "instruction";
    }

    @Override
    public UUID resourceId() {
        return id;
    }

    @Override
    public UUID personId() {
        return decision.item.personId;
    }
}
