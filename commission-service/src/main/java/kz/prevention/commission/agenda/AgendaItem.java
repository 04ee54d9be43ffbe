package kz.prevention.commission.agenda;

import java.time.Instant;
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
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kz.prevention.commission.commission.Commission;
import kz.prevention.commission.session.CommissionSession;
import kz.prevention.persistence.change.Tracked;

/** One question for a commission: what kind, about whom (registry ids only), where it stands, and why. */
@Entity
@Table(name = "agenda_item")
public class AgendaItem extends PanacheEntityBase implements Tracked {

    public enum Source {
        EVENT, SECRETARY,
        /** The district akimat (a public assistant's reward, Art. 47). */
        AKIMAT
    }

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "commission_id")
    public Commission commission;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "session_id")
    public CommissionSession session;

    public String kind;

    public String title;

    @Enumerated(EnumType.STRING)
    public ItemStatus status;

    @Enumerated(EnumType.STRING)
    public Source source;

    /** What proposed it (e.g. {@code entry-registered:<entry id>}), so a redelivered event proposes nothing new. */
    @Column(name = "source_ref")
    public String sourceRef;

    @Column(name = "entry_id")
    public UUID entryId;

    @Column(name = "person_id")
    public UUID personId;

    public String region;

    @Column(name = "instruction_id")
    public UUID instructionId;

    /** When the law says how soon the item must be examined; null otherwise. */
    @Column(name = "examine_by")
    public java.time.LocalDate examineBy;

    /** The secretary's reason for the last decision on the item (accepted, deferred, dismissed). */
    public String reason;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    @Override
    public String resourceType() {
        return "agenda-item";
    }

    @Override
    public UUID resourceId() {
        return id;
    }

    @Override
    public UUID personId() {
        return personId;
    }
}
