package kz.prevention.registry.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kz.prevention.registry.entry.RegistryEntry;

/** An extension of the measure's term while the risk remains (Art. 59.9). */
@Entity
@Table(name = "entry_extension")
public class EntryExtension extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "entry_id")
    public UUID entryId;

    @Column(name = "previous_end_date")
    public LocalDate previousEndDate;

    @Column(name = "new_end_date")
    public LocalDate newEndDate;

    public String reason;

    @Column(name = "doc_type")
    public String docType;

    @Column(name = "doc_number")
    public String docNumber;

    @Column(name = "doc_date")
    public LocalDate docDate;

    @Column(name = "doc_issuer")
    public String docIssuer;

    @Column(name = "extended_at")
    public Instant extendedAt;

    @Column(name = "extended_by")
    public String extendedBy;

    static void record(RegistryEntry e, LocalDate previous, ExtendRequest r, String actor) {
        EntryExtension x = new EntryExtension();
        x.id = UUID.randomUUID();
        x.entryId = e.id;
        x.previousEndDate = previous;
        x.newEndDate = r.newEndDate();
        x.reason = r.reason();
        x.docType = r.document().type();
        x.docNumber = r.document().number();
        x.docDate = r.document().date();
        x.docIssuer = r.document().issuer();
        x.extendedAt = Instant.now();
        x.extendedBy = actor;
        x.persist();
    }
}
