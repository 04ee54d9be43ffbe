package kz.prevention.commission.sitting;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A member recorded present at a sitting. */
@Entity
@Table(name = "session_attendance")
public class Attendance extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "session_id") UUID sessionId, @Column(name = "member_id") UUID memberId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
