package kz.prevention.eventing.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import kz.prevention.eventing.kafka.KafkaClients;

/**
 * Sends an event a consumer could not apply to {@code <topic>.dlt}, unchanged, with headers
 * saying who failed, why and where the original is. Synchronous: the consumer commits past the
 * event only once the dead letter is safely stored.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String SUFFIX = ".dlt";

    private final KafkaClients kafka;
    private KafkaProducer<String, byte[]> producer;

    @Inject
    public DeadLetters(KafkaClients kafka) {
        this.kafka = kafka;
    }

    public synchronized void send(String consumer, ConsumerRecord<String, byte[]> original, String error)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (producer == null) {
            producer = kafka.producer("dead-letters");
        }
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(original.topic() + SUFFIX, original.key(),
                original.value());
        original.headers().forEach(h -> letter.headers().add(h));
        Headers h = letter.headers();
        h.add("dlt.consumer", bytes(consumer));
        h.add("dlt.error", bytes(error.length() > 4000 ? error.substring(0, 4000) : error));
        h.add("dlt.original.topic", bytes(original.topic()));
        h.add("dlt.original.partition", bytes(Integer.toString(original.partition())));
        h.add("dlt.original.offset", bytes(Long.toString(original.offset())));
        h.add("dlt.time", bytes(Instant.now().toString()));
        try {
            producer.send(letter).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            producer.close(Duration.ZERO);
            producer = null;
            throw e;
        }
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
