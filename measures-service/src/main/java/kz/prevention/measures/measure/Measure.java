package kz.prevention.measures.measure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import kz.prevention.measures.access.MeasureScope;
import kz.prevention.measures.access.PlanScope;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kz.prevention.measures.plan.PreventionPlan;

/** A measure assigned in a plan to a subject of prevention, and how its execution went. */
@Entity
@Table(name = "measure")
public class Measure extends PanacheEntityBase implements kz.prevention.persistence.change.Tracked, MeasureScope {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    public PreventionPlan plan;

    /** A code of the individual-measures or general-measure-kinds catalog. */
    public String type;
    /** The catalog version the measure was decided under ("<catalog version>/<rule's effective date>"). */
    @Column(name = "type_rule")
    public String typeRule;

    /** INDIVIDUAL, GENERAL or SPECIAL, from the catalog. */
    @Column(name = "type_kind")
    public String typeKind;

    /** A code of the subjects catalog. */
    @Column(name = "executing_agency")
    public String executingAgency;

    /**
     * The BIN of the organisation of the executing agency that carries the measure out (organisations
     * catalog); null while no planner has routed it to one (then no executor sees it).
     */
    public String organisation;

    /** What the organisation is to do, in the planner's words; free text, never in events. */
    public String instructions;

    @Column(name = "responsible_person")
    public String responsiblePerson;

    /** The plan's territory, copied so an agency's queue is one indexed query. */
    public String region;

    public boolean minor;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    public MeasureStatus status;

    @Column(name = "started_on")
    public LocalDate startedOn;

    @Column(name = "completed_on")
    public LocalDate completedOn;

    public String result;

    @Column(name = "evidence_ref")
    public String evidenceRef;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "cancel_note")
    public String cancelNote;

    /** The due date an overdue was raised for: raised once per due date. */
    @Column(name = "overdue_raised_for")
    public LocalDate overdueRaisedFor;

    @Column(name = "decision_id")
    public UUID decisionId;

    @Column(name = "instruction_id")
    public String instructionId;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public boolean isOverdue(LocalDate today) {
        return status.isOpen() && dueDate.isBefore(today);
    }

    @Override
    public String resourceType() {
        return "measure";
    }

    @Override
    public UUID resourceId() {
        return id;
    }

    @Override
    public UUID personId() {
        return plan.personId;
    }

    @Override
    public PlanScope planScope() {
        return plan;
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public String executingAgency() {
        return executingAgency;
    }

    @Override
    public String organisation() {
        return organisation;
    }
}
