package kz.prevention.persistence.audit;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the audit log, {@code prevention.audit.*}. */
@ConfigMapping(prefix = "prevention.audit")
public interface AuditConfig {

    /**
     * The MAC key, base64, at least 32 bytes, kept outside the database (a Kubernetes Secret, devstack's
     * state folder). Without it rows cannot be signed and the service refuses to start.
     */
    Optional<String> key();

    /** Names the key in every row and seal, so a rotated key still verifies older rows (keep old keys in {@link #previousKeys()}). */
    @WithDefault("k1")
    String keyId();

    /** Earlier keys as {@code id:base64,id:base64}, to verify rows signed before a rotation. */
    Optional<String> previousKeys();

    Sealer sealer();

    interface Sealer {
        @WithDefault("true")
        boolean enabled();

        /** How often the sealer looks for rows to seal (a read or change also wakes it). */
        @WithDefault("500ms")
        Duration interval();

        @WithDefault("2000")
        int batchSize();

        /** How often a signed checkpoint (head position and MAC) is published outside the database. */
        @WithDefault("10s")
        Duration checkpointInterval();

        /**
         * Catalog topic of the checkpoints, one record per checkpoint keyed by the service; by default
         * {@code prevention.<service without -service>.audit-checkpoints}, declared in the event catalog
         * (so devstack, Strimzi and the ACLs know it: the service writes and reads it, nobody else).
         */
        Optional<String> checkpointTopic();

        /** A row still unsealed after this long is reported by verify (the sealer may be down, or the row forged). */
        @WithDefault("5m")
        Duration unsealedAlarm();
    }
}
