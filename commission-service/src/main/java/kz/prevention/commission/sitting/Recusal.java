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

/** A member's declared conflict of interest on one item: it neither votes nor counts towards that item's majority. */
@Entity
@Table(name = "item_recusal")
public class Recusal extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "item_id") UUID itemId, @Column(name = "member_id") UUID memberId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    public String reason;

    @Column(name = "declared_at")
    public Instant declaredAt;
}
