package kz.prevention.commission.session;

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
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kz.prevention.commission.commission.Commission;
import kz.prevention.persistence.change.Tracked;

/** A sitting of a commission: its number within the commission, date and place. */
@Entity
@Table(name = "commission_session")
public class CommissionSession extends PanacheEntityBase implements Tracked {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "commission_id")
    public Commission commission;

    public int number;

    @Column(name = "session_date")
    public LocalDate date;

    public String place;

    @Enumerated(EnumType.STRING)
    public SessionStatus status;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public boolean isSigned() {
        return status == SessionStatus.SIGNED;
    }

    @Override
    public String resourceType() {
        return "session";
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
