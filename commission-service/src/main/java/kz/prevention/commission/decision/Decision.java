package kz.prevention.commission.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kz.prevention.commission.agenda.AgendaItem;
import kz.prevention.commission.commission.Commission;
import kz.prevention.commission.session.CommissionSession;
import kz.prevention.persistence.change.Tracked;

/** The commission's decision on one agenda item: its text, legal basis and instructions; final once signed. */
@Entity
@Table(name = "decision")
public class Decision extends PanacheEntityBase implements Tracked {

    @Id
    public UUID id;

    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "item_id")
    public AgendaItem item;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "session_id")
    public CommissionSession session;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "commission_id")
    public Commission commission;

    public String number;

    public String text;

    @Column(name = "legal_basis")
    public String legalBasis;

    @Enumerated(EnumType.STRING)
    public DecisionStatus status;

    @Column(name = "votes_for")
    public Integer votesFor;

    @Column(name = "votes_against")
    public Integer votesAgainst;

    @Column(name = "votes_abstain")
    public Integer votesAbstain;

    @Column(name = "adopted_on")
    public LocalDate adoptedOn;

    /** A correction of a signed decision is a new decision that refers to it. */
    @Column(name = "corrects_id")
    public UUID correctsId;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public boolean isFinal() {
        return status != DecisionStatus.DRAFT;
    }

    public List<Instruction> instructions() {
        return Instruction.list("decision = ?1 order by position", this);
    }

    @Override
    public String resourceType() {
        return "decision";
    }

    @Override
    public UUID resourceId() {
        return id;
    }

    @Override
    public UUID personId() {
        return item.personId;
    }
}
