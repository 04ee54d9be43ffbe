package kz.prevention.eventing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import kz.prevention.testing.TestKafka;

/** What the test ledger's tables and topics hold: the facts the eventing tests assert on. */
final class LedgerProbe {

    static final String TOPIC = "test.ledger.accounts";

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    LedgerProbe(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    static List<String> accounts(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("acc-" + UUID.randomUUID());
        }
        return out;
    }

    int appliedCount(List<String> ids) throws Exception {
        return count("SELECT count(*) FROM ledger_applied WHERE event_id = ANY (?::uuid[])", ids);
    }

    /** Rows still in the outbox: a published row is deleted. */
    int unsent(List<String> ids) throws Exception {
        return count("SELECT count(*) FROM outbox WHERE id = ANY (?::uuid[])", ids);
    }

    private int count(String sql, List<String> ids) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    long scalar(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    List<Long> appliedVersions(String account) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT version FROM ledger_applied WHERE account_id = ? ORDER BY applied_seq")) {
            ps.setString(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    Map<String, Long> projection(String account) throws Exception {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT total, events FROM ledger_projection WHERE account_id = ?")) {
            ps.setString(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    out.put("total", rs.getLong(1));
                    out.put("events", rs.getLong(2));
                }
            }
        }
        return out;
    }

    Map<String, Long> allProjections() throws Exception {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT account_id, total * 100000 + events FROM ledger_projection ORDER BY 1")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    String quarantine(String consumer, String account) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT quarantine_reason FROM inbox_aggregate WHERE consumer = ? AND aggregateid = ?")) {
            ps.setString(1, consumer);
            ps.setString(2, account);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    Map<String, Integer> copiesOnTopic(List<String> ids) {
        Set<String> wanted = Set.copyOf(ids);
        return TestKafka.readAll(TestKafka.topic(TOPIC)).stream()
                .map(r -> eventId(r.value()))
                .filter(id -> id != null && wanted.contains(id))
                .collect(Collectors.toMap(id -> id, id -> 1, Integer::sum));
    }

    List<ConsumerRecord<String, byte[]>> deadLetters(String eventId) {
        return TestKafka.readAll(TestKafka.topic(TOPIC + ".dlt")).stream()
                .filter(r -> eventId.equals(eventId(r.value()))).toList();
    }

    String eventId(byte[] value) {
        try {
            return mapper.readTree(value).path("id").asText(null);
        } catch (Exception e) {
            return null;
        }
    }
}
