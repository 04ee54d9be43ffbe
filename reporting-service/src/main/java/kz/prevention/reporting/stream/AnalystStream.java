package kz.prevention.reporting.stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.prevention.eventing.contract.MeasuresEvents;
import kz.prevention.eventing.contract.RegistryEvents;
import kz.prevention.eventing.contract.ReportingEvents;
import kz.prevention.eventing.inbox.EventHandler;
import kz.prevention.eventing.inbox.Subscriptions;
import kz.prevention.persistence.change.ChangeRecorder;
import kz.prevention.reporting.territory.Territory;

/**
 * Publishes the analysts' pseudonymised stream: each registry and measures event it follows is
 * re-published in the same inbox transaction through the outbox ({@link ChangeRecorder#publish}: no
 * resource of this service changed, and the source event was audited by its producer), with ids
 * replaced by {@link Pseudonyms}, the territory cut to its district and only the fields listed in
 * {@link ReportingEvents}. It copies field by field — never the source payload — so a field added
 * to a source event never reaches analysts unless added here on purpose.
 * <p>
 * A person merged in the registry is told as the two pseudonyms: events already published keep the
 * merged person's, and without it analysts would count one person twice. It is published here, by
 * this consumer's inbox, not where the figures apply the merge: the figures are rebuilt from offset 0,
 * which must not publish it again.
 */
@ApplicationScoped
public class AnalystStream implements EventHandler {

    @Inject
    ChangeRecorder changes;
    @Inject
    Pseudonyms pseudonyms;

    @Override
    public String name() {
        return "analyst-stream";
    }

    @Override
    public Subscriptions subscriptions() {
        return Subscriptions.create()
                .on(RegistryEvents.PersonRegistered.class, e -> changes.publish(new ReportingEvents.PersonPseudonymised(
                        pseudonyms.person(e.personId()), pseudonyms.keyId(), e.birthYear(), e.sex())))
                .on(RegistryEvents.PersonMerged.class, e -> changes.publish(new ReportingEvents.PersonMergedPseudonymised(
                        pseudonyms.person(e.mergedPersonId()), pseudonyms.person(e.survivorPersonId()), pseudonyms.keyId())))
                .on(RegistryEvents.EntryRegistered.class, e -> changes.publish(new ReportingEvents.EntryRegisteredPseudonymised(
                        pseudonyms.entry(e.entryId()), pseudonyms.person(e.personId()), pseudonyms.keyId(), e.category(),
                        e.categoryGroup(), e.minor(), Territory.at(e.region(), 2), e.startDate())))
                .on(RegistryEvents.EntryRemoved.class, e -> changes.publish(new ReportingEvents.EntryRemovedPseudonymised(
                        pseudonyms.entry(e.entryId()), pseudonyms.keyId(), Territory.at(e.region(), 2), e.reason(),
                        e.early(), e.removalDate())))
                .on(MeasuresEvents.MeasureAssigned.class, e -> changes.publish(new ReportingEvents.MeasureAssignedPseudonymised(
                        pseudonyms.measure(e.measureId()), pseudonyms.entry(e.entryId()), pseudonyms.keyId(),
                        Territory.at(e.region(), 2), e.type(), e.executingAgency(), e.startDate(), e.dueDate())))
                .on(MeasuresEvents.MeasureCompleted.class, e -> changes.publish(new ReportingEvents.MeasureCompletedPseudonymised(
                        pseudonyms.measure(e.measureId()), pseudonyms.keyId(), Territory.at(e.region(), 2), e.type(),
                        e.executingAgency(), e.dueDate(), e.completedOn(), e.onTime())));
    }
}
