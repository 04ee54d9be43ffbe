package kz.prevention.eventing.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import kz.prevention.eventing.catalog.DomainEvent;
import kz.prevention.eventing.catalog.EventCatalog;
import kz.prevention.eventing.catalog.EventSpec;
import kz.prevention.eventing.config.EventingConfig;
import kz.prevention.eventing.envelope.CloudEvent;
import kz.prevention.eventing.envelope.Tracing;

/**
 * Records a domain event in the transactional outbox, inside the caller's transaction: the event
 * exists if and only if the state change it announces was committed. Services do not call it
 * directly: persistence-commons' {@code ChangeRecorder} writes a change's history, audit row and
 * event together.
 *
 * <p>The event's type, topic and aggregate come from the catalog entry its record is bound to.
 * The aggregate's next version and the row are written in one statement; after the commit the
 * relay of this JVM is woken at once (other replicas' relays find the row by a cheap poll).
 */
@ApplicationScoped
public class Outbox {

    /** The statement's tail, after {@code WITH} and any {@link LeadingWrites}. */
    private static final String INSERT = """
            v AS (
                INSERT INTO outbox_aggregate_version (aggregatetype, aggregateid, version) VALUES (?, ?, 1)
                ON CONFLICT (aggregatetype, aggregateid) DO UPDATE SET version = outbox_aggregate_version.version + 1
                RETURNING version)
            INSERT INTO outbox (id, aggregatetype, aggregateid, type, topic, aggregateversion, time, traceparent, data)
            SELECT ?, ?, ?, ?, ?, v.version, ?, ?, ? FROM v
            RETURNING aggregateversion""";
    private static final String INSERT_ALONE = "WITH " + INSERT;
    private static final Object WAKE_KEY = new Object();

    private final AgroalDataSource dataSource;
    private final TransactionManager transactions;
    private final TransactionSynchronizationRegistry synchronizations;
    private final EventCatalog catalog;
    private final ObjectMapper mapper;
    private final EventingConfig config;
    private final RelaySignal signal;
    private final Tracing tracing;
    private final String source;

    @Inject
    public Outbox(AgroalDataSource dataSource, TransactionManager transactions,
            TransactionSynchronizationRegistry synchronizations, EventCatalog catalog, ObjectMapper mapper,
            EventingConfig config, RelaySignal signal, Tracing tracing,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.synchronizations = synchronizations;
        this.catalog = catalog;
        this.mapper = mapper;
        this.config = config;
        this.signal = signal;
        this.tracing = tracing;
        this.source = config.source().orElse("/" + application);
    }

    /**
     * @param data a record bound to a catalog entry; it must match the entry's schema
     * @return the event as it will be published
     */
    public CloudEvent record(DomainEvent data) {
        return record(data, null);
    }

    /**
     * The same, with other rows of the change written by the same statement (see {@link LeadingWrites}).
     *
     * @param leading the rows to write with it, or null
     */
    public CloudEvent record(DomainEvent data, LeadingWrites leading) {
        requireTransaction();
        EventSpec spec = catalog.specOf(data.getClass());
        JsonNode dataNode = mapper.valueToTree(data);
        if (config.validate()) {
            catalog.requireValid(spec.type(), dataNode);
        }
        String aggregateId = data.aggregateId();
        UUID id = UUID.randomUUID();
        Instant time = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String traceparent = tracing.currentTraceparent();
        String sql = leading == null ? INSERT_ALONE : leading.before(INSERT);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int p = leading == null ? 1 : leading.bind(ps, 1);
            ps.setString(p, spec.aggregate());
            ps.setString(p + 1, aggregateId);
            ps.setObject(p + 2, id);
            ps.setString(p + 3, spec.aggregate());
            ps.setString(p + 4, aggregateId);
            ps.setString(p + 5, spec.type());
            ps.setString(p + 6, spec.topic());
            ps.setTimestamp(p + 7, Timestamp.from(time));
            ps.setString(p + 8, traceparent);
            ps.setString(p + 9, mapper.writeValueAsString(dataNode));
            long version;
            try (var rs = ps.executeQuery()) {
                rs.next();
                version = rs.getLong(1);
            }
            wakeRelayAfterCommit();
            return new CloudEvent(CloudEvent.SPEC_VERSION, id.toString(), source, spec.type(), aggregateId, time,
                    "application/json", version, traceparent, dataNode);
        } catch (SQLException e) {
            throw new OutboxException("could not record " + spec.type() + " for " + spec.aggregate() + " " + aggregateId, e);
        } catch (JsonProcessingException e) {
            throw new OutboxException("could not serialise " + spec.type(), e);
        }
    }

    /** The outbox's events of a batch of changes, in order (one call per event). */
    public void recordAll(List<? extends DomainEvent> events) {
        events.forEach(this::record);
    }

    private void wakeRelayAfterCommit() {
        if (synchronizations.getResource(WAKE_KEY) == null) {
            synchronizations.putResource(WAKE_KEY, Boolean.TRUE);
            synchronizations.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        signal.wake();
                    }
                }
            });
        }
    }

    private void requireTransaction() {
        try {
            if (transactions.getStatus() != Status.STATUS_ACTIVE) {
                throw new IllegalStateException("Outbox.record must run inside the transaction that changes the aggregate"
                        + " (annotate the calling method with @Transactional)");
            }
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }
}
