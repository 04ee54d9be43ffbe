package kz.prevention.reporting.facts;

import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import kz.prevention.eventing.contract.CommissionEvents;
import kz.prevention.eventing.contract.MeasuresEvents;
import kz.prevention.eventing.contract.RegistryEvents;
import kz.prevention.eventing.envelope.CloudEvent;
import kz.prevention.eventing.inbox.EventHandler;
import kz.prevention.eventing.inbox.Subscriptions;

/**
 * Feeds the read models from the registry's (entries and persons), measures' and commissions' topics — the only way
 * reporting learns anything (it never reads another service's database), so dropping the read
 * models and replaying every topic from offset 0 gives the same figures ({@code FigureRebuild}).
 */
@ApplicationScoped
public class FiguresFeed implements EventHandler {

    /** Never rename: it is the consumer group and the inbox key. */
    public static final String NAME = "figures";

    @Inject
    FactStore facts;
    @ConfigProperty(name = "prevention.zone", defaultValue = "Asia/Almaty")
    ZoneId zone;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Subscriptions subscriptions() {
        return Subscriptions.create()
                // Repeat registrations compare an entry with its person's others: a merge makes two ids one person.
                .on(RegistryEvents.PersonMerged.class, e -> facts.personMerged(e.mergedPersonId(), e.survivorPersonId()))
                .on(RegistryEvents.EntryRegistered.class, e -> facts.entryRegistered(e.entryId(), e.personId(),
                        e.category(), e.categoryGroup(), e.minor(), e.sex(), e.measure(),
                        e.region(), e.startDate(), e.controlFrequency()))
                // The event carries no date of the transfer: the day it was recorded stands for it.
                .onEnvelope(RegistryEvents.Transferred.class, (e, env) -> facts.entryTransferred(e.entryId(),
                        e.transferId(), e.fromRegion(), e.toRegion(), dayOf(env)))
                .on(RegistryEvents.EntryRemoved.class, e -> facts.entryRemoved(e.entryId(), e.reason(), e.early(),
                        e.removalDate()))
                .onEnvelope(RegistryEvents.ControlRecorded.class, (e, env) -> facts.controlRecorded(e.entryId(),
                        env.aggregateversion(), e.region(), e.visitDate(), e.dueDate(), e.onTime()))
                .onEnvelope(RegistryEvents.OfficerAssigned.class, (e, env) -> facts.officerAssigned(e.entryId(),
                        env.aggregateversion(), e.region(), e.agency(), e.officerId(), e.assignedOn(), e.occasion()))
                .on(RegistryEvents.DeadlineMissed.class, e -> facts.deadlineMissed(e.entryId(), e.deadline(), e.dueDate(),
                        e.region(), e.rule()))
                .on(RegistryEvents.TermExpired.class, e -> facts.termExpired(e.entryId(), e.region(), e.measure(),
                        e.endDate()))
                .on(RegistryEvents.ControlOverdue.class, e -> facts.controlOverdue(e.entryId(), e.region(), e.measure(),
                        e.dueDate(), e.daysOverdue()))
                .onEnvelope(MeasuresEvents.MeasureAssigned.class, (e, env) -> facts.measureAssigned(e.measureId(),
                        e.planId(), e.entryId(), e.minor(), e.type(), e.typeKind(), e.executingAgency(), e.region(),
                        e.startDate() != null ? e.startDate() : dayOf(env), e.dueDate(), env.aggregateversion(),
                        e.decisionId(), e.instructionId()))
                .onEnvelope(MeasuresEvents.MeasureUpdated.class, (e, env) -> {
                    if (e.changedFields() != null && e.changedFields().contains("dueDate")) {
                        facts.measureDue(e.measureId(), e.region(), e.dueDate(), env.aggregateversion());
                    }
                })
                .on(MeasuresEvents.MeasureCompleted.class, e -> facts.measureCompleted(e.measureId(), e.region(),
                        e.completedOn()))
                .on(MeasuresEvents.MeasureCancelled.class, e -> facts.measureCancelled(e.measureId(), e.region(),
                        e.reason(), e.cancelledOn()))
                .on(MeasuresEvents.MeasureOverdue.class, e -> facts.measureOverdue(e.measureId(), e.region(),
                        e.detectedOn()))
                .onEnvelope(MeasuresEvents.PlanTransferred.class, (e, env) -> facts.planTransferred(e.planId(), e.toRegion(),
                        env.aggregateversion()))
                .on(CommissionEvents.DecisionAdopted.class, e -> e.instructions().forEach(i -> facts.instruction(
                        e.decisionId(), i.instructionId(), e.commissionId(), e.commissionKind(), e.region(),
                        e.adoptedOn(), i.entryId(), i.measureType(), i.executingAgency(), i.dueDate())));
    }

    private LocalDate dayOf(CloudEvent env) {
        return env.time() == null ? LocalDate.now(zone) : env.time().atZone(zone).toLocalDate();
    }
}
