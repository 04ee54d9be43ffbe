package kz.prevention.commission.assistant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kz.prevention.persistence.change.Tracked;

/** A reward proposed for a public assistant, decided by the commission's vote on its agenda item. */
@Entity
@Table(name = "assistant_reward")
public class AssistantReward extends PanacheEntityBase implements Tracked {

    public enum Status {
        PROPOSED, GRANTED, REJECTED,
        /** Adopted, but the year's budget no longer had room (it was lowered, or other rewards came first). */
        REFUSED_OVER_BUDGET,
        /** The secretary dismissed its agenda item: it never reached the commission. */
        DISMISSED
    }

    @Id
    public UUID id;

    @Column(name = "assistant_id")
    public UUID assistantId;

    @Column(name = "commission_id")
    public UUID commissionId;

    @Column(name = "agenda_item_id")
    public UUID agendaItemId;

    @Column(name = "budget_year")
    public int budgetYear;

    /** Tenge. */
    public long amount;

    public String reason;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "decision_id")
    public UUID decisionId;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    @Column(name = "proposed_by")
    public String proposedBy;

    @Column(name = "proposed_at")
    public Instant proposedAt;

    @Version
    public long version;

    @Override
    public String resourceType() {
        return "assistant-reward";
    }

    @Override
    public UUID resourceId() {
        return id;
    }

    @Override
    public UUID personId() {
        return assistantId;
    }
}
