package kz.prevention.registry.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A deputy chief's quarterly review of a case file (Order 163): who reviewed it, when, and what was found. */
@Entity
@Table(name = "file_review")
public class FileReview extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "entry_id")
    public UUID entryId;

    @Column(name = "reviewed_on")
    public LocalDate reviewedOn;

    public String reviewer;

    @Column(name = "reviewer_unit")
    public String reviewerUnit;

    public String findings;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
