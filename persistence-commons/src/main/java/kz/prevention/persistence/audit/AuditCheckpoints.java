package kz.prevention.persistence.audit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.databind.ObjectMapper;

import kz.prevention.eventing.kafka.KafkaClients;

/**
 * Publishes the sealer's signed checkpoints to a Kafka topic (one partition, kept long; the
 * record key is the service) and finds the latest one of this service for the verifier. Kafka is
 * outside the database's trust: its ACLs let each service write only there and a database owner not
 * at all.
 */
@ApplicationScoped
public class AuditCheckpoints {

    private static final int SCAN = 500;

    private final KafkaClients kafka;
    private final AuditConfig config;
    private final AuditKeys keys;
    private final ObjectMapper mapper;
    private final kz.prevention.eventing.kafka.TopicProvisioner topics;
    private KafkaProducer<String, byte[]> producer;
    private volatile boolean topicReady;

    @Inject
    public AuditCheckpoints(KafkaClients kafka, AuditConfig config, AuditKeys keys, ObjectMapper mapper,
            kz.prevention.eventing.kafka.TopicProvisioner topics) {
        this.kafka = kafka;
        this.config = config;
        this.keys = keys;
        this.mapper = mapper;
        this.topics = topics;
    }

    String topic() {
        return kafka.topic(config.sealer().checkpointTopic()
                .orElse("prevention." + kafka.application().replace("-service", "") + ".audit-checkpoints"));
    }

    AuditCheckpoint sign(long position, String mac, java.time.Instant time) {
        AuditCheckpoint unsigned = new AuditCheckpoint(kafka.application(), position, mac, time, keys.currentId(), null);
        return new AuditCheckpoint(unsigned.service(), position, mac, time, keys.currentId(), keys.mac(unsigned.signedText()));
    }

    boolean signatureValid(AuditCheckpoint c) {
        String expected = keys.mac(c.keyId(), c.signedText());
        return expected != null && expected.equals(c.signature());
    }

    synchronized void publish(AuditCheckpoint checkpoint) throws Exception {
        ensureTopic();
        if (producer == null) {
            producer = kafka.producer("audit-checkpoints");
        }
        try {
            producer.send(new ProducerRecord<>(topic(), checkpoint.service(), mapper.writeValueAsBytes(checkpoint)))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            producer.close(Duration.ZERO);
            producer = null;
            throw e;
        }
    }

    /** The latest checkpoint this service published, if any (the topic is read from its end backwards). */
    Optional<AuditCheckpoint> latest() {
        ensureTopic();
        String service = kafka.application();
        try (KafkaConsumer<String, byte[]> consumer = kafka.reader()) {
            TopicPartition tp = new TopicPartition(topic(), 0);
            consumer.assign(List.of(tp));
            long end = consumer.endOffsets(List.of(tp), Duration.ofSeconds(10)).get(tp);
            long begin = consumer.beginningOffsets(List.of(tp), Duration.ofSeconds(10)).get(tp);
            for (long to = end; to > begin; to -= SCAN) {
                long from = Math.max(begin, to - SCAN);
                consumer.seek(tp, from);
                List<ConsumerRecord<String, byte[]>> slice = new ArrayList<>();
                while (consumer.position(tp) < to) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        if (r.offset() < to) {
                            slice.add(r);
                        }
                    }
                }
                for (int i = slice.size() - 1; i >= 0; i--) {
                    if (service.equals(slice.get(i).key())) {
                        return Optional.of(mapper.readValue(slice.get(i).value(), AuditCheckpoint.class));
                    }
                }
            }
            return Optional.empty();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("an unreadable audit checkpoint on " + topic(), e);
        }
    }

    /** The topic is a catalog topic: the TopicProvisioner (or devstack, or Strimzi) makes it. */
    private void ensureTopic() {
        if (!topicReady) {
            topics.ensureTopics();
            topicReady = true;
        }
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
