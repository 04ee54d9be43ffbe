package kz.prevention.eventing.kafka;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.common.annotation.Identifier;
import kz.prevention.eventing.config.EventingConfig;

/**
 * Kafka clients configured from the service's {@code kafka.*} properties plus what the event
 * backbone insists on: idempotent, fully acknowledged publishing; manual offset commits after
 * the inbox transaction; deployed topic names carrying the configured prefix.
 */
@ApplicationScoped
public class KafkaClients {

    /**
     * A fetch response is read from the socket in one call, through a JDK temporary direct buffer
     * of the response's size; with Kafka's default (50 MB) a catching-up consumer asked for more
     * direct memory than the services' cap (devstack's JvmFlags) and its thread died (fault drill,
     * docs/benchmarks/drills.md). 8 MB still carries thousands of events per fetch.
     */
    static final int FETCH_MAX_BYTES = 8 * 1024 * 1024;

    private final Map<String, Object> base;
    private final EventingConfig config;
    private final String application;

    @Inject
    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> base, EventingConfig config,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.base = base;
        this.config = config;
        this.application = application;
    }

    /** The service's name ({@code quarkus.application.name}): client ids, consumer groups, the relay's lock. */
    public String application() {
        return application;
    }

    public String topic(String logicalName) {
        return config.prefix() + logicalName;
    }

    public KafkaProducer<String, byte[]> producer(String clientId) {
        Map<String, Object> p = new HashMap<>(base);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-" + clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // <= 5 in flight keeps per-partition order with idempotence, even across retries.
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        // The producer retries in order for as long as delivery.timeout allows; a short broker outage
        // is ridden out without failing any record (a failed record is the start of reordering).
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120000);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        // The default 32 MB buffer is a memory reservation per producer; the relay sends bounded batches.
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 8 * 1024 * 1024);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Math.max(1_048_576, config.relay().maxRecordBytes() + 1024));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    public KafkaConsumer<String, byte[]> consumer(String consumerName) {
        Map<String, Object> p = new HashMap<>(base);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.prefix() + application + "." + consumerName);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, application + "-" + consumerName);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.inbox().batchSize());
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, FETCH_MAX_BYTES);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    /** A consumer outside any group, for reading a topic by assignment (from a chosen offset). */
    public KafkaConsumer<String, byte[]> reader() {
        Map<String, Object> p = new HashMap<>(base);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, application + "-reader");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, FETCH_MAX_BYTES);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    /** A {@link #reader()} that takes up to {@code maxPollRecords} a poll and sees only committed records, as consumers do. */
    public KafkaConsumer<String, byte[]> reader(int maxPollRecords) {
        Map<String, Object> p = new HashMap<>(base);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, application + "-reader");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    public Admin admin() {
        Map<String, Object> p = new HashMap<>(base);
        p.put("request.timeout.ms", 5000);
        p.put("default.api.timeout.ms", 10000);
        return Admin.create(p);
    }
}
