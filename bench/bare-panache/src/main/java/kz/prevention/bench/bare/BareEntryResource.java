package kz.prevention.bench.bare;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.Blocking;

/** The ceiling: GET by id straight from Panache to JSON, on a worker thread as the services' reads are. */
@Path("/entries")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class BareEntryResource {

    @GET
    @Path("{id}")
    public BareEntry get(@PathParam("id") UUID id) {
        BareEntry entry = BareEntry.findById(id);
        if (entry == null) {
            throw new NotFoundException();
        }
        return entry;
    }

    /** Any one id, so the benchmark needs no SQL of its own. */
    @GET
    @Path("any")
    public String any() {
        return BareEntry.<BareEntry>findAll().firstResult().id.toString();
    }
}
