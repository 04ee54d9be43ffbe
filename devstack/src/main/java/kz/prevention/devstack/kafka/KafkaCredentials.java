package kz.prevention.devstack.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/** A principal's login on devstack's secured broker, as client properties or as a service's environment. */
public record KafkaCredentials(String bootstrap, String user, String password) {

    public static final String PROTOCOL = "SASL_PLAINTEXT";

    /** Properties for a Kafka client (admin, producer or consumer) of this principal. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> p = new HashMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, PROTOCOL);
        p.put(SaslConfigs.SASL_MECHANISM, BrokerProperties.MECHANISM);
        p.put(SaslConfigs.SASL_JAAS_CONFIG, BrokerProperties.scramJaas(user, password));
        return p;
    }

    /** The same for a Quarkus service: environment variables its {@code kafka.*} configuration reads. */
    public Map<String, String> serviceEnvironment() {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "KAFKA_SECURITY_PROTOCOL", PROTOCOL,
                "KAFKA_SASL_MECHANISM", BrokerProperties.MECHANISM,
                "KAFKA_SASL_JAAS_CONFIG", BrokerProperties.scramJaas(user, password));
    }

    @Override
    public String toString() {
        return "KafkaCredentials[" + user + "@" + bootstrap + "]";
    }
}
