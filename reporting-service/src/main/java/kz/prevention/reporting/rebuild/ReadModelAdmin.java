package kz.prevention.reporting.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.agroal.api.AgroalDataSource;
import kz.prevention.commons.access.Roles;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.eventing.projection.ProjectionRebuild;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.reporting.facts.FactStore;
import kz.prevention.reporting.facts.FiguresFeed;

/**
 * The read models' operations (platform-admin): {@code POST /api/v1/admin/read-models/rebuild}
 * rebuilds them from every topic, from offset 0, beside the live ones, and swaps them in when
 * caught up (eventing's {@link ProjectionRebuild}); {@code GET .../rebuild} tells how far it is;
 * {@code GET /api/v1/admin/read-models} gives each table's row count and a digest of its rows in
 * key order, so two builds can be compared.
 */
@Path("/api/v1/admin/read-models")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class ReadModelAdmin {

    /** {@code droppedRows}: the live read models' rows the rebuild replaces. */
    public record Rebuild(long droppedRows, ProjectionRebuild.Status rebuild) {
        static Rebuild of(ProjectionRebuild.Status s) {
            return new Rebuild(s.replacedRows(), s);
        }
    }

    /** How long the POST waits for the rebuild before answering 202 (it goes on either way). */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(60);

    public record TableState(long rows, String digest) {
    }

    @Inject
    ProjectionRebuild rebuild;
    static final String STATUS = "/api/v1/admin/read-models/rebuild";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ChangeRecorder changes;

    @POST
    @Path("/rebuild")
    @Operation(summary = "Rebuild the read models from every topic, from offset 0, and swap them in when caught up",
            description = "Waits up to 60 s (wait=false: not at all): 200 when done, else 202 with Location to follow it."
                    + " 409 while a rebuild runs.")
    public Response rebuild(@QueryParam("wait") @DefaultValue("true") boolean wait) {
        // On record (committed) before it starts: a rebuild replaces every read model.
        changes.recordAction("read-models", FiguresFeed.NAME,
                "rebuild: read models rebuilt from every topic from offset 0 and swapped in");
        ProjectionRebuild.Status started;
        try {
            started = rebuild.start(FiguresFeed.NAME, FactStore.REBUILT_TABLES, FactStore.BEFORE_SWAP);
        } catch (ProjectionRebuild.AlreadyRunning e) {
            throw new ProblemException(ProblemType.CONFLICT, "a rebuild is running: GET " + STATUS + " follows it");
        }
        ProjectionRebuild.Status s = wait ? rebuild.await(ANSWER_WITHIN).orElse(started) : started;
        return answer(s);
    }

    @GET
    @Path("/rebuild")
    @Operation(summary = "The running or last rebuild: its state and counts")
    public Response rebuildStatus() {
        return answer(rebuild.status().orElseThrow(() -> ProblemException.notFound("rebuild")));
    }

    private static Response answer(ProjectionRebuild.Status s) {
        return switch (s.state()) {
            case DONE -> Response.ok(Rebuild.of(s)).build();
            case RUNNING -> Response.accepted(Rebuild.of(s)).location(URI.create(STATUS)).build();
            case FAILED -> throw new ProblemException(ProblemType.UNAVAILABLE, "the rebuild failed and the live read models"
                    + " stay: " + s.error());
        };
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
