package kz.prevention.commission.agenda;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import kz.prevention.commission.commission.CommissionKind;
import kz.prevention.eventing.contract.RegistryEvents;
import kz.prevention.eventing.inbox.EventHandler;
import kz.prevention.eventing.inbox.Subscriptions;
import kz.prevention.persistence.merge.PersonMergeMap;

/**
 * Follows the registry: a minor put on the registry becomes a proposed item of the commission on
 * minors' affairs closest to the entry's territory (a district's, else its city's or region's).
 * Nothing is proposed where no such commission exists yet; a redelivered event proposes nothing new.
 * A person merged in the registry makes the merged id's items the survivor's ({@link MergedPersons}).
 */
@ApplicationScoped
public class RegistryProposals implements EventHandler {

    private static final Logger LOG = Logger.getLogger(RegistryProposals.class);

    @Inject
    AgendaService agenda;
    @Inject
    MergedPersons mergedPersons;
    @Inject
    PersonMergeMap merges;

    @Override
    public String name() {
        return "agenda-proposals";
    }

    @Override
    public Subscriptions subscriptions() {
        return Subscriptions.create()
                .on(RegistryEvents.EntryRegistered.class, this::registered)
                .on(RegistryEvents.PersonMerged.class, e -> mergedPersons.merged(e.mergedPersonId(), e.survivorPersonId()));
    }

    private void registered(RegistryEvents.EntryRegistered e) {
        if (!e.minor()) {
            return;
        }
        Territories.closest(CommissionKind.MINORS_AFFAIRS, e.region()).ifPresentOrElse(c -> agenda.propose(c,
                new AgendaService.Proposal(AgendaKinds.MINOR_CASE, "Несовершеннолетний поставлен на профилактический учёт ("
                        + e.category() + ", " + e.startDate() + ")", e.entryId(), merges.current(e.personId()), e.region(), null,
                        "entry-registered:" + e.entryId()),
                AgendaItem.Source.EVENT, "system"),
                () -> LOG.infof("no minors' commission covers territory %s; entry %s proposes no item", e.region(), e.entryId()));
    }
}
