package kz.prevention.eventing.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import kz.prevention.eventing.catalog.EventCatalog;
import kz.prevention.eventing.catalog.EventSpec;
import kz.prevention.eventing.catalog.SchemaViolationException;
import kz.prevention.eventing.config.EventingConfig;
import kz.prevention.eventing.envelope.CloudEvent;
import kz.prevention.eventing.envelope.TraceContext;
import kz.prevention.eventing.envelope.TraceParent;

/**
 * Records a domain event in the transactional outbox, inside the caller's transaction: the
 * event exists if and only if the state change it announces was committed.
 *
 * <pre>{@code
 * @Transactional
 * void remove(...) {
 *     entry.status = REMOVED;
 *     outbox.record("entry", entry.id.toString(), "kz.prevention.registry.entry.removed.v1", new EntryRemoved(...));
 * }
 * }</pre>
 */
@ApplicationScoped
public class Outbox {

    private static final String NEXT_VERSION = """
            INSERT INTO outbox_aggregate_version (aggregatetype, aggregateid, version) VALUES (?, ?, 1)
            ON CONFLICT (aggregatetype, aggregateid)
            DO UPDATE SET version = outbox_aggregate_version.version + 1
            RETURNING version""";
    private static final String INSERT = """
            INSERT INTO outbox (id, aggregatetype, aggregateid, type, topic, aggregateversion, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)""";

    private final AgroalDataSource dataSource;
    private final TransactionManager transactions;
    private final EventCatalog catalog;
    private final ObjectMapper mapper;
    private final EventingConfig config;
    private final String source;

    @Inject
    public Outbox(AgroalDataSource dataSource, TransactionManager transactions, EventCatalog catalog, ObjectMapper mapper,
            EventingConfig config, @ConfigProperty(name = "quarkus.application.name") String application) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.catalog = catalog;
        this.mapper = mapper;
        this.config = config;
        this.source = config.source().orElse("/" + application);
    }

    /**
     * @param aggregateType e.g. {@code entry}; with the id it names the stream the version counts in
     * @param aggregateId   the aggregate's id: CloudEvents subject and Kafka key
     * @param type          an event type listed in the catalog
     * @param data          a record serialised to JSON; it must match the type's schema
     * @return the event as it will be published
     */
    public CloudEvent record(String aggregateType, String aggregateId, String type, Object data) {
        requireTransaction();
        EventSpec spec = catalog.event(type)
                .orElseThrow(() -> new SchemaViolationException(type, java.util.List.of("type is not in the event catalog")));
        JsonNode dataNode = mapper.valueToTree(data);
        if (config.validate()) {
            catalog.requireValid(type, dataNode);
        }
        try (Connection c = dataSource.getConnection()) {
            long version = nextVersion(c, aggregateType, aggregateId);
            CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type,
                    aggregateId, Instant.now().truncatedTo(ChronoUnit.MICROS), "application/json", version,
                    traceparent(), dataNode);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setObject(1, UUID.fromString(event.id()));
                ps.setString(2, aggregateType);
                ps.setString(3, aggregateId);
                ps.setString(4, type);
                ps.setString(5, spec.topic());
                ps.setLong(6, version);
                ps.setString(7, mapper.writeValueAsString(event));
                ps.executeUpdate();
            }
            return event;
        } catch (SQLException e) {
            throw new OutboxException("could not record " + type + " for " + aggregateType + " " + aggregateId, e);
        } catch (JsonProcessingException e) {
            throw new OutboxException("could not serialise " + type, e);
        }
    }

    private long nextVersion(Connection c, String aggregateType, String aggregateId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(NEXT_VERSION)) {
            ps.setString(1, aggregateType);
            ps.setString(2, aggregateId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
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

    private String traceparent() {
        if (Arc.container().requestContext().isActive()) {
            Instance<TraceContext> trace = Arc.container().select(TraceContext.class);
            String parent = trace.get().current();
            return parent != null ? TraceParent.childOf(parent) : TraceParent.newRoot();
        }
        return TraceParent.newRoot();
    }
}
