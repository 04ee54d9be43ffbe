package kz.prevention.commission.commission;

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
import kz.prevention.persistence.change.Tracked;

/**
 * A member of a commission for a term: who (the name shown in the minutes, and the Keycloak
 * username the member's token carries as {@code preferred_username}, so a vote can only be one's
 * own), for which agency, in which position and role.
 */
@Entity
@Table(name = "commission_member")
public class CommissionMember extends PanacheEntityBase implements Tracked {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "commission_id")
    public Commission commission;

    @Column(name = "full_name")
    public String fullName;

    public String username;

    public String agency;

    public String position;

    @Enumerated(EnumType.STRING)
    public MemberRole role;

    @Column(name = "from_date")
    public LocalDate fromDate;

    @Column(name = "to_date")
    public LocalDate toDate;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(fromDate) && (toDate == null || !day.isAfter(toDate));
    }

    public boolean overlaps(LocalDate from, LocalDate to) {
        return (to == null || !to.isBefore(fromDate)) && (toDate == null || !toDate.isBefore(from));
    }

    @Override
    public String resourceType() {
        return "commission-member";
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
