package kz.prevention.bench.bare;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A row about as wide as a registry entry (ids, codes, dates, a version), so the ceiling reads and
 * serialises a comparable amount — but with none of the registry's work around it: no token, no
 * scope check, no person or transfer lookup, no audit row.
 */
@Entity
@Table(name = "bare_entry")
public class BareEntry extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID personId;
    public String status;
    public String category;
    public String categoryGroup;
    public String region;
    public String measure;
    public String caseNumber;
    public String officerRank;
    public LocalDate startDate;
    public LocalDate endDate;
    public LocalDate nextControlDate;
    public OffsetDateTime createdAt;
    public long version;
}
