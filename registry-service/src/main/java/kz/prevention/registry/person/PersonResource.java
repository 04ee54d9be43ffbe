package kz.prevention.registry.person;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
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
    PersonService persons;
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
    @Operation(summary = "A person and the entries of theirs you may see")
    public Response get(@PathParam("id") UUID id) {
        LocalDate day = today.date();
        Person p = access.forRead(id, day);
        return Response.ok(details(p, day)).header("ETag", ETags.of(p.version)).build();
    }

    @GET
    @Operation(summary = "Find a person by IIN (is this person on the registry in your territory?)")
    public List<PersonDetails> byIin(@QueryParam("iin") String iin) {
        if (iin == null || iin.isBlank()) {
            throw ProblemException.field(ProblemType.VALIDATION, "iin", "required");
        }
        PersonService.parseIin(iin.strip());
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
    @Operation(summary = "Every change of the person's record: who, when, what before and after")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        Person p = access.forRead(id, today.date());
        return new AuditedList<>("person-history", p.id, p.id, history.of(p.resourceType(), p.id));
    }

    private PersonDetails details(Person p, LocalDate day) {
        List<RegistryEntry> entries = access.visibleEntries(p, day);
        return new PersonDetails(PersonView.of(p), entries.stream()
                .map(e -> new EntryRef(e.id, e.caseNumber, e.category, e.status.name(), e.region)).toList());
    }
}
