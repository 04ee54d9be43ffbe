package kz.prevention.registry.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One Order 163 deadline of an entry: which ({@code code}, of the order-163-deadlines catalog), what
 * started it ({@code ref}) and when, when it is due under which version of the rule, and whether it
 * was met or raised (once).
 */
@Entity
@Table(name = "entry_deadline")
public class EntryDeadline extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "entry_id")
    public UUID entryId;

    public String code;

    public String ref;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "due_on")
    public LocalDate dueOn;

    public String rule;

    @Column(name = "met_on")
    public LocalDate metOn;

    @Column(name = "raised_at")
    public Instant raisedAt;
}
