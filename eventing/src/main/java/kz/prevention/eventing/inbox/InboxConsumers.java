package kz.prevention.eventing.inbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import kz.prevention.eventing.catalog.EventCatalog;
import kz.prevention.eventing.config.EventingConfig;
import kz.prevention.eventing.kafka.KafkaClients;
import kz.prevention.eventing.kafka.TopicProvisioner;

/** Runs a consumer thread for every {@link EventHandler} bean of the service. */
@ApplicationScoped
public class InboxConsumers {

    @Inject
    @Any
    Instance<EventHandler> handlers;
    @Inject
    InboxBatch batch;
    @Inject
    DeadLetters deadLetters;
    @Inject
    KafkaClients kafka;
    @Inject
    TopicProvisioner topics;
    @Inject
    EventingConfig config;
    @Inject
    EventCatalog catalog;
    @Inject
    ObjectMapper mapper;
    @Inject
    MeterRegistry registry;
    @Inject
    @org.eclipse.microprofile.health.Liveness
    ConsumerLiveness liveness;

    private final List<InboxConsumerLoop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    void onStart(@Observes StartupEvent event) {
        if (!config.inbox().enabled()) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (EventHandler handler : handlers) {
            if (!names.add(handler.name())) {
                throw new IllegalStateException("two event handlers are named " + handler.name());
            }
            Dispatch dispatch = new Dispatch(handler, catalog, mapper);
            InboxConsumerLoop loop = new InboxConsumerLoop(handler, dispatch, batch, deadLetters, kafka, topics, config,
                    mapper, new InboxMetrics(registry, handler.name()));
            Thread t = new Thread(loop, "inbox-" + handler.name());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler(liveness.watch(handler.name()));
            loops.add(loop);
            threads.add(t);
            t.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        loops.forEach(InboxConsumerLoop::stop);
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** What a rebuild needs of a consumer: its topics, its live loop held and let go, the replay applied its way. */
    public ConsumerReplay replayOf(String handlerName) {
        InboxConsumerLoop loop = loops.stream().filter(l -> l.name().equals(handlerName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event handler named " + handlerName
                        + " runs in this process (prevention.eventing.inbox.enabled?)"));
        return new ConsumerReplay(loop, batch, kafka, config.inbox().maxAttempts());
    }

    /** Re-reads a consumer's topics from offset 0; the inbox makes this change nothing already applied. */
    public void replay(String handlerName) {
        loops.stream().filter(l -> l.name().equals(handlerName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event handler named " + handlerName))
                .requestReplay();
    }
}
