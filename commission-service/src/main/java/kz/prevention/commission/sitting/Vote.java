package kz.prevention.commission.sitting;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kz.prevention.commission.rules.VoteChoice;

/** A member's one vote on one item. */
@Entity
@Table(name = "item_vote")
public class Vote extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "item_id") UUID itemId, @Column(name = "member_id") UUID memberId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Enumerated(EnumType.STRING)
    public VoteChoice choice;

    @Column(name = "cast_at")
    public Instant castAt;
}
