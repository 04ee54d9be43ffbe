package kz.prevention.persistence.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import kz.prevention.commons.paging.Page;
import kz.prevention.commons.paging.PageRequest;

/** Reads the audit log for the supervisor's queries. */
@ApplicationScoped
public class AuditLogQueries {

    private final AgroalDataSource dataSource;

    @Inject
    public AuditLogQueries(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Filter(String actor, UUID personId, String resourceType, String resourceId, String action, Instant from,
            Instant to) {
    }

    public Page<AuditRow> search(Filter f, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        add(where, args, "actor = ?", f.actor());
        add(where, args, "person_id = ?", f.personId());
        add(where, args, "resource_type = ?", f.resourceType());
        add(where, args, "resource_id = ?", f.resourceId());
        add(where, args, "action = ?", f.action());
        add(where, args, "at >= ?", f.from() == null ? null : Timestamp.from(f.from()));
        add(where, args, "at < ?", f.to() == null ? null : Timestamp.from(f.to()));
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM audit_log" + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<AuditRow> items;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM audit_log" + where + " ORDER BY id DESC LIMIT " + page.size() + " OFFSET " + page.offset())) {
                bind(ps, args);
                items = rows(ps);
            }
            return Page.of(items, page, total);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log", e);
        }
    }

    static List<AuditRow> rows(PreparedStatement ps) throws SQLException {
        List<AuditRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(row(rs));
            }
        }
        return out;
    }

    static AuditRow row(ResultSet rs) throws SQLException {
        return new AuditRow(rs.getLong("id"), rs.getObject("uid", UUID.class), rs.getTimestamp("at").toInstant(),
                rs.getString("actor"), rs.getString("actor_roles"), rs.getString("agency"), rs.getString("region"),
                rs.getString("client"), rs.getString("action"), rs.getString("resource_type"), rs.getString("resource_id"),
                rs.getObject("person_id", UUID.class), rs.getString("purpose"), rs.getString("details"),
                rs.getString("key_id"), rs.getString("row_mac"));
    }

    private static void add(StringBuilder where, List<Object> args, String condition, Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            args.add(value);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }
}
