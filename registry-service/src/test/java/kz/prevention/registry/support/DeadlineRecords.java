package kz.prevention.registry.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusMock;
import kz.prevention.commons.territory.Today;
import kz.prevention.testing.PublishedEvents;

/** What the registry recorded about an entry's Order 163 deadlines: its events and its entry_deadline row. */
public final class DeadlineRecords {

    public static final String MISSED = "kz.prevention.registry.entry.deadline-missed.v1";

    private DeadlineRecords() {
    }

    /** Sets the service's "today" for the rest of the test (QuarkusMock: reset after each test). */
    public static void today(LocalDate day) {
        QuarkusMock.installMockForType(new Today(ZoneId.of("Asia/Almaty")) {
            @Override
            public LocalDate date() {
                return day;
            }
        }, Today.class);
    }

    /** The data of each {@code deadline-missed} event published about the entry for the deadline, once per event id. */
    public static List<JsonNode> missed(DataSource dataSource, String entryId, String code) {
        return PublishedEvents.on("prevention.registry.entries", dataSource).stream()
                .filter(e -> e.path("type").asText().equals(MISSED) && e.path("subject").asText().equals(entryId)
                        && e.path("data").path("deadline").asText().equals(code))
                .collect(Collectors.toMap(e -> e.path("id").asText(), e -> e.path("data"), (a, b) -> a,
                        LinkedHashMap::new)).values().stream().toList();
    }

    /** The entry's one row of the deadline: due_on, met_on, rule, raised. */
    public static Map<String, String> deadline(DataSource dataSource, String entryId, String code) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select due_on, met_on, rule, raised_at is not null as raised from entry_deadline"
                        + " where entry_id = ? and code = ?")) {
            s.setObject(1, UUID.fromString(entryId));
            s.setString(2, code);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("a %s deadline for %s", code, entryId).isTrue();
                Map<String, String> row = new LinkedHashMap<>();
                row.put("due_on", rs.getString("due_on"));
                row.put("met_on", rs.getString("met_on"));
                row.put("rule", rs.getString("rule"));
                row.put("raised", Boolean.toString(rs.getBoolean("raised")));
                assertThat(rs.next()).isFalse();
                return row;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many rows of the deadline the entry has (0 when it never started). */
    public static long rows(DataSource dataSource, String entryId, String code) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from entry_deadline where entry_id = ? and code = ?")) {
            s.setObject(1, UUID.fromString(entryId));
            s.setString(2, code);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
