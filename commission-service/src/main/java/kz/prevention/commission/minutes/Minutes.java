package kz.prevention.commission.minutes;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A signed session's minutes as a PDF, with its digest; written once (the database refuses changes). */
@Entity
@Table(name = "session_minutes")
public class Minutes extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    public byte[] pdf;

    public String sha256;

    @Column(name = "signed_by")
    public String signedBy;

    @Column(name = "signed_at")
    public Instant signedAt;
}
