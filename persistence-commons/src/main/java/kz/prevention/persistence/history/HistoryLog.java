package kz.prevention.persistence.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import kz.prevention.eventing.outbox.LeadingWrites;

/** Writes (inside the change's transaction) and reads the history of any resource. */
@ApplicationScoped
public class HistoryLog {

    private static final TypeReference<Map<String, Map<String, Object>>> CHANGES = new TypeReference<>() {
    };

    private static final String INSERT = "history_row AS (INSERT INTO resource_history"
            + " (resource_type, resource_id, at, actor, action, changes) VALUES (?, ?::uuid, ?::timestamptz, ?, ?, ?::jsonb))";

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    @Inject
    public HistoryLog(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /**
     * A history row, to be written by the statement that writes the change's other rows (the change
     * recorder puts it before the audit row and the event).
     */
    public LeadingWrites row(String resourceType, UUID resourceId, String actor, String action, Changes changes) {
        String json;
        try {
            json = mapper.writeValueAsString(changes.asMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not record the history of " + resourceType + " " + resourceId, e);
        }
        return LeadingWrites.cte(INSERT, resourceType, resourceId, Instant.now(), actor, action, json);
    }

    public List<HistoryEntry> of(String resourceType, UUID resourceId) {
        List<HistoryEntry> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT at, actor, action, changes::text FROM resource_history"
                        + " WHERE resource_type = ? AND resource_id = ? ORDER BY id")) {
            ps.setString(1, resourceType);
            ps.setObject(2, resourceId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HistoryEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                            mapper.readValue(rs.getString(4), CHANGES)));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read the history of " + resourceType + " " + resourceId, e);
        }
        return out;
    }
}
