package kz.prevention.registry.persons;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.prevention.commons.concurrency.ETags;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.problem.ProblemType;
import kz.prevention.commons.access.Roles;
import kz.prevention.persistence.history.HistoryEntry;
import kz.prevention.persistence.history.HistoryLog;
import kz.prevention.persistence.read.AuditedList;
import kz.prevention.persistence.read.Audited;
import kz.prevention.commons.territory.Today;
import kz.prevention.registry.entry.RegistryEntry;
import kz.prevention.registry.person.IinField;
import kz.prevention.registry.person.PersonView;
import kz.prevention.registry.person.IdentifyRequest;
import kz.prevention.registry.person.PersonUpdate;
import kz.prevention.registry.person.Person;

/** Persons known to the registry. */
@Path("/api/v1/persons")
@Tag(name = "persons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REGISTRY_OFFICER, Roles.JUVENILE_INSPECTOR, Roles.SUPERVISOR})
public class PersonResource {

    @Inject
    PersonAccess access;
    @Inject
    kz.prevention.registry.access.RegistryAccess registryAccess;
    @Inject
    PersonService persons;
    @Inject
    PersonMerges merges;
    @Inject
    HistoryLog history;
    @Inject
    Today today;

    public record PersonDetails(PersonView person, List<EntryRef> entries) implements Audited {

        @Override
        public String auditType() {
            return "person";
        }

        @Override
        public String auditId() {
            return person.id().toString();
        }

        @Override
        public UUID auditPersonId() {
            return person.id();
        }
    }

    public record EntryRef(UUID id, String caseNumber, String category, String status, String region) {
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A person and the entries of theirs you may see",
            description = "The id of a person merged into another answers with the survivor (its own id in the body,"
                    + " Content-Location set), under the survivor's access rule.")
    public Response get(@PathParam("id") UUID id) {
        LocalDate day = today.date();
        Person p = access.forRead(id, day);
        return answer(id, p, day);
    }

    @POST
    @Path("/{id}/identification")
    @Transactional
    @Operation(operationId = "identifyPerson", summary = "A person registered without an IIN gets one; needs If-Match",
            description = "No person holds the IIN: it is set on this person (history, person.updated). A person holds"
                    + " it: send their id as survivorId and this person is merged into them — every entry moves, this id"
                    + " becomes a tombstone answering reads with the survivor (person.merged). You must be able to read"
                    + " and change both.")
    @APIResponse(responseCode = "200", description = "the person now carrying the IIN (the survivor after a merge)")
    @APIResponse(responseCode = "404", description = "no such person in your scope")
    @APIResponse(responseCode = "409", description = "the IIN is held outside your scope, the person was merged already,"
            + " has an IIN, or both have an active entry of one category")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponse(responseCode = "422", description = "the IIN contradicts the birth date or sex, or survivorId is missing")
    public Response identify(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull IdentifyRequest request) {
        LocalDate day = today.date();
        PersonMerges.Outcome outcome = merges.identify(id, ifMatch, request, day);
        return answer(id, outcome.person(), day);
    }

    private Response answer(UUID asked, Person p, LocalDate day) {
        Response.ResponseBuilder ok = Response.ok(details(p, day)).header("ETag", ETags.of(p.version));
        if (!p.id.equals(asked)) {
            ok.header("Content-Location", "/api/v1/persons/" + p.id);
        }
        return ok.build();
    }

    @GET
    @Operation(summary = "Find a person by IIN (is this person on the registry in your territory?); needs X-Purpose")
    @APIResponse(responseCode = "400", description = "no iin, a malformed one, or no X-Purpose header")
    public List<PersonDetails> byIin(@QueryParam("iin") String iin) {
        registryAccess.requirePurpose("when finding a person by IIN");
        if (iin == null || iin.isBlank()) {
            throw ProblemException.field(ProblemType.VALIDATION, "iin", "required");
        }
        IinField.parse(iin.strip());
        LocalDate day = today.date();
        return Person.byIin(iin.strip()).filter(p -> !access.visibleEntries(p, day).isEmpty())
                .map(p -> List.of(details(p, day))).orElse(List.of());
    }

    @PATCH
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Correct a person's record (address, document, Latin names, citizenship); needs If-Match")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PersonUpdate u) {
        LocalDate day = today.date();
        Person p = access.forChange(id, day);
        ETags.requireMatch(ifMatch, p.version);
        persons.update(p, u);
        return Response.ok(details(p, day)).header("ETag", ETags.of(p.version)).build();
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every change of the person's record: who, when, what before and after",
            description = "For a merged person, its own record's history (the merge included), under the survivor's rule.")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        Person p = access.forRead(id, today.date());
        return new AuditedList<>("person-history", id, p.id, history.of(p.resourceType(), id));
    }

    private PersonDetails details(Person p, LocalDate day) {
        List<RegistryEntry> entries = access.visibleEntries(p, day);
        return new PersonDetails(PersonView.of(p), entries.stream()
                .map(e -> new EntryRef(e.id, e.caseNumber, e.category, e.status.name(), e.region)).toList());
    }
}
