package kz.prevention.persistence.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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

/** Writes (inside the change's transaction) and reads the history of any resource. */
@ApplicationScoped
public class HistoryLog {

    private static final TypeReference<Map<String, Map<String, Object>>> CHANGES = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    @Inject
    public HistoryLog(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    public void record(String resourceType, UUID resourceId, String actor, String action, Changes changes) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO resource_history (resource_type, resource_id, at, actor, action, changes)"
                        + " VALUES (?, ?, ?, ?, ?, ?::jsonb)")) {
            ps.setString(1, resourceType);
            ps.setObject(2, resourceId);
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            ps.setString(4, actor);
            ps.setString(5, action);
            ps.setString(6, mapper.writeValueAsString(changes.asMap()));
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not record the history of " + resourceType + " " + resourceId, e);
        }
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
