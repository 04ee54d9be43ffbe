package kz.prevention.registry.entry;

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
import kz.prevention.registry.access.KeptRecord;
import kz.prevention.registry.person.Person;

/**
 * A person's entry on the preventive registry: on what ground, under whose control, until when
 * (the case file of Order 163).
 */
@Entity
@Table(name = "registry_entry")
public class RegistryEntry extends PanacheEntityBase implements Tracked, KeptRecord {

    public static final String MINOR_GROUP = "MINOR";

    @Id
    public UUID id;

    @Column(name = "case_number")
    public String caseNumber;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    public Person person;

    public String category;

    @Column(name = "category_group")
    public String categoryGroup;

    @Column(name = "doc_type")
    public String docType;

    @Column(name = "doc_number")
    public String docNumber;

    @Column(name = "doc_date")
    public LocalDate docDate;

    @Column(name = "doc_issuer")
    public String docIssuer;

    /** When the court ruling reached the keeping body (Order 163 counts special requirements from it); null: its date. */
    @Column(name = "doc_received_on")
    public LocalDate docReceivedOn;

    /** The official warning's copy sent to the prosecutor (Order 163: within 24 h), once. */
    @Column(name = "prosecutor_copy_sent_on")
    public LocalDate prosecutorCopySentOn;

    @Column(name = "prosecutor_copy_number")
    public String prosecutorCopyNumber;

    @Column(name = "prosecutor_copy_recorded_by")
    public String prosecutorCopyRecordedBy;

    @Column(name = "registering_body")
    public String registeringBody;

    @Column(name = "officer_name")
    public String officerName;

    @Column(name = "officer_rank")
    public String officerRank;

    /** The responsible officer's platform account (token sub); null when named without one. */
    @Column(name = "officer_user_id")
    public UUID officerUserId;

    public String region;

    @Column(name = "start_date")
    public LocalDate startDate;

    public String measure;
    /** The registry-categories and individual-measures versions the entry was decided under (see EntryView.Rules). */
    @Column(name = "category_rule")
    public String categoryRule;
    @Column(name = "measure_rule")
    public String measureRule;

    @Column(name = "measure_end_date")
    public LocalDate measureEndDate;

    @Column(name = "risk_level")
    public String riskLevel;

    @Column(name = "last_control_date")
    public LocalDate lastControlDate;

    @Column(name = "next_control_date")
    public LocalDate nextControlDate;

    @Enumerated(EnumType.STRING)
    public EntryStatus status;

    @Column(name = "removal_reason")
    public String removalReason;

    @Column(name = "removal_date")
    public LocalDate removalDate;

    @Column(name = "removal_doc_type")
    public String removalDocType;

    @Column(name = "removal_doc_number")
    public String removalDocNumber;

    @Column(name = "removal_doc_date")
    public LocalDate removalDocDate;

    @Column(name = "removal_doc_issuer")
    public String removalDocIssuer;

    @Column(name = "overdue_raised_for")
    public LocalDate overdueRaisedFor;

    @Column(name = "term_ending_raised_for")
    public LocalDate termEndingRaisedFor;

    @Column(name = "term_expired_raised_for")
    public LocalDate termExpiredRaisedFor;

    @Column(name = "came_of_age_raised")
    public boolean cameOfAgeRaised;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /** A minor's record: a minors' category, or a person under 18 today. Needs the juvenile-inspector role. */
    @Override
    public boolean isMinorRecord(LocalDate today) {
        return MINOR_GROUP.equals(categoryGroup) || person.isMinorOn(today);
    }

    /** The day the grounding document reached the keeping body: as recorded, else the document's own date. */
    public LocalDate docReceived() {
        return docReceivedOn != null ? docReceivedOn : docDate;
    }

    public boolean isActive() {
        return status == EntryStatus.ACTIVE;
    }

    public boolean controlOverdue(LocalDate today) {
        return isActive() && nextControlDate != null && nextControlDate.isBefore(today);
    }

    @Override
    public String resourceType() {
        return "entry";
    }

    @Override
    public UUID resourceId() {
        return id;
    }

    @Override
    public UUID personId() {
        return person.id;
    }

    @Override
    public String keepingRegion() {
        return region;
    }
}
