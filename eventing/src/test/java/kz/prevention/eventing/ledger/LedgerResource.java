package kz.prevention.eventing.ledger;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import kz.prevention.eventing.envelope.CloudEvent;

/** An HTTP entry to the test ledger, so a test can follow one trace from a request into the consumer. */
@Path("/test/ledger")
@PermitAll
public class LedgerResource {

    @Inject
    LedgerService ledger;

    @POST
    @Path("/{account}/credits/{amount}")
    @Produces(MediaType.APPLICATION_JSON)
    public CloudEvent credit(@PathParam("account") String account, @PathParam("amount") long amount) {
        return ledger.credit(account, amount);
    }
}
