package kz.prevention.registry.control;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A line of the entry's control sheet: a visit, call or check and what it found. */
@Entity
@Table(name = "control_visit")
public class ControlVisit extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "entry_id")
    public UUID entryId;

    @Column(name = "visit_date")
    public LocalDate visitDate;

    public String officer;

    public String form;

    public String result;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;
}
