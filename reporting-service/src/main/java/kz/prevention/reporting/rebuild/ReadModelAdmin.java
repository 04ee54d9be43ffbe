package kz.prevention.reporting.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.agroal.api.AgroalDataSource;
import kz.prevention.commons.access.Roles;
import kz.prevention.eventing.projection.ProjectionRebuild;
import kz.prevention.persistence.audit.AuditAction;
import kz.prevention.persistence.audit.AuditLog;
import kz.prevention.persistence.audit.AuditRecord;
import kz.prevention.reporting.facts.FactStore;
import kz.prevention.reporting.facts.FiguresFeed;

/**
 * The read models' operations (platform-admin): {@code POST /api/v1/admin/read-models/rebuild}
 * drops them and replays every topic from offset 0; {@code GET /api/v1/admin/read-models} gives
 * each table's row count and a digest of its rows in key order, so two builds can be compared.
 */
@Path("/api/v1/admin/read-models")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class ReadModelAdmin {

    public record Rebuild(long droppedRows) {
    }

    public record TableState(long rows, String digest) {
    }

    @Inject
    ProjectionRebuild rebuild;
    @Inject
    FactStore facts;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditLog audit;

    @POST
    @Path("/rebuild")
    public Rebuild rebuild() {
        audit.appendNow(new AuditRecord(AuditAction.UPDATE, "read-models", FiguresFeed.NAME, null,
                "rebuild: read models dropped, topics replayed from offset 0"));
        return new Rebuild(rebuild.rebuild(FiguresFeed.NAME, facts::dropAll));
    }

    @GET
    public Map<String, TableState> state() throws SQLException {
        Map<String, TableState> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (Map.Entry<String, String> t : FactStore.TABLES.entrySet()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY "
                        + t.getValue() + "), '')) FROM " + t.getKey() + " t"); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    out.put(t.getKey(), new TableState(rs.getLong(1), rs.getString(2)));
                }
            }
        }
        return out;
    }
}
