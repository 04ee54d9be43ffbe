package kz.prevention.registry.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Something an officer must act on: a deadline the monitor raised. */
@Entity
@Table(name = "work_item")
public class WorkItem extends PanacheEntityBase implements kz.prevention.persistence.read.Audited {

    public enum Kind {
        CONTROL_OVERDUE,
        TERM_ENDING,
        TERM_EXPIRED,
        MINOR_CAME_OF_AGE,
        // Order 163 deadlines, named as in the order-163-deadlines catalog (raised as entry.deadline-missed):
        DATA_ENTRY,
        CONTROL_PLAN,
        TRANSFER_FILE,
        TRANSFER_TRACING,
        EARLY_REMOVAL_CHECK,
        EARLY_REMOVAL_DECISION,
        REFERENCE_DATABASE_CHECK,
        RESPONSIBLE_OFFICER,
        SPECIAL_REQUIREMENTS_REGISTRATION,
        WARNING_COPY_TO_PROSECUTOR,
        FILE_REVIEW
    }

    @Id
    public UUID id;

    @Column(name = "entry_id")
    public UUID entryId;

    public String kind;

    public String region;

    @Column(name = "due_date")
    public LocalDate dueDate;

    public String details;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    public String resolution;

    /** Whose entry this is about: filled in by the query that reads it, for the audit of the read. */
    @jakarta.persistence.Transient
    @com.fasterxml.jackson.annotation.JsonIgnore
    public UUID personId;

    @Override
    public String auditType() {
        return "work-item";
    }

    @Override
    public String auditId() {
        return id.toString();
    }

    @Override
    public UUID auditPersonId() {
        return personId;
    }
}
