package kz.prevention.commission.assistant;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import io.quarkus.narayana.jta.QuarkusTransaction;
import kz.prevention.commons.problem.ProblemException;
import kz.prevention.commons.territory.Today;

/**
 * Filing and re-checking, with the registry asked between two transactions: the application is
 * committed first (so a registry that is down or slow loses nothing and holds no database lock),
 * the registry is asked with no transaction open, and its answer — or why there is none — is
 * applied in a second one. Access is checked before anything is resolved or sent.
 */
@ApplicationScoped
public class AssistantFiling {

    @Inject
    AssistantService service;
    @Inject
    AssistantAccess access;
    @Inject
    RegistryCheck registry;
    @Inject
    EntityManager em;
    @Inject
    Today today;

    public UUID file(ApplicationRequest r) {
        String district = AssistantService.districtOf(r.addressKato());
        access.requireFileIn(district);
        PublicAssistant a = QuarkusTransaction.requiringNew()
                .call(() -> service.file(r, today.date(), access.username(), access.agency()));
        if (a.status == AssistantStatus.PENDING_CHECK) {
            ask(a.id, a.iin);
        }
        return a.id;
    }

    public void recheck(UUID id) {
        String iin = QuarkusTransaction.requiringNew().call(() -> {
            PublicAssistant a = find(id, false);
            access.requireRecheck(a);
            service.requireCheckable(a);
            return a.iin;
        });
        ask(id, iin);
    }

    private void ask(UUID id, String iin) {
        RegistryCheck.Result result = registry.ask(iin);
        QuarkusTransaction.requiringNew().run(() -> service.applyRegistryAnswer(find(id, true), result));
    }

    /** The application, locked for a change when asked; not found when it does not exist. */
    PublicAssistant find(UUID id, boolean lock) {
        PublicAssistant a = lock ? em.find(PublicAssistant.class, id, LockModeType.PESSIMISTIC_WRITE)
                : em.find(PublicAssistant.class, id);
        if (a == null) {
            throw ProblemException.notFound("public assistant " + id);
        }
        return a;
    }
}
