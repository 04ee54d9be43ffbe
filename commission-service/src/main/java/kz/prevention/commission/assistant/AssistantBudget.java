package kz.prevention.commission.assistant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kz.prevention.persistence.change.Tracked;

/** The money the maslikhat approved for a commission's rewards of public assistants in a year (tenge). */
@Entity
@Table(name = "assistant_budget")
public class AssistantBudget extends PanacheEntityBase implements Tracked {

    @Id
    public UUID id;

    @Column(name = "commission_id")
    public UUID commissionId;

    @Column(name = "budget_year")
    public int budgetYear;

    public long amount;

    @Column(name = "maslikhat_number")
    public String maslikhatNumber;

    @Column(name = "maslikhat_date")
    public LocalDate maslikhatDate;

    @Column(name = "set_by")
    public String setBy;

    @Column(name = "set_at")
    public Instant setAt;

    @Version
    public long version;

    @Override
    public String resourceType() {
        return "assistant-budget";
    }

    @Override
    public UUID resourceId() {
        return id;
    }

    @Override
    public UUID personId() {
        return null;
    }
}
