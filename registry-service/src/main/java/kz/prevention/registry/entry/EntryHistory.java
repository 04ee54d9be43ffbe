package kz.prevention.registry.entry;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One change of an entry: who, when, what action, and each changed field before and after. */
@Entity
@Table(name = "entry_history")
public class EntryHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "entry_id")
    public UUID entryId;

    public Instant at;

    public String actor;

    public String action;

    @JdbcTypeCode(SqlTypes.JSON)
    public String changes;
}
