package kz.prevention.measures.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import kz.prevention.measures.access.PlanScope;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A prevention plan: for one registry entry (opened when the registry announces the entry,
 * closed when it is removed), or a general plan of a territory (a programme, or the general
 * instructions of a commission's decision). Holds the measures assigned in it.
 */
@Entity
@Table(name = "prevention_plan")
public class PreventionPlan extends PanacheEntityBase implements kz.prevention.persistence.change.Tracked, PlanScope {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public PlanKind kind;

    @Column(name = "entry_id")
    public UUID entryId;

    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "decision_id")
    public UUID decisionId;

    @Column(name = "general_kind")
    public String generalKind;

    public String title;

    public String region;

    public String category;

    public boolean minor;

    @Column(name = "grounding_measure")
    public String groundingMeasure;

    @Column(name = "measure_end_date")
    public LocalDate measureEndDate;

    @Enumerated(EnumType.STRING)
    public PlanStatus status;

    @Column(name = "opened_on")
    public LocalDate openedOn;

    @Column(name = "opened_by")
    public String openedBy;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Column(name = "close_reason")
    public String closeReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public boolean isOpen() {
        return status == PlanStatus.OPEN;
    }

    public static Optional<PreventionPlan> forEntry(UUID entryId) {
        return find("entryId", entryId).firstResultOptional();
    }

    public static Optional<PreventionPlan> generalForDecision(UUID decisionId) {
        return find("decisionId = ?1 and kind = ?2", decisionId, PlanKind.GENERAL).firstResultOptional();
    }

    @Override
    public String resourceType() {
        return "plan";
    }

    @Override
    public UUID resourceId() {
        return id;
    }

    @Override
    public UUID personId() {
        return personId;
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public boolean minor() {
        return minor;
    }
}
