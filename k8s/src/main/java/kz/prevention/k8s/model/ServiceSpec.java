package kz.prevention.k8s.model;

import java.util.List;

/**
 * One workload of services.yaml. {@code database} is absent for the gateway; {@code calls} lists
 * the services it may reach; {@code public} marks the one the ingress controller reaches;
 * {@code secrets} are its own keys (audit MAC key, pseudonym key) read from Secrets.
 */
public record ServiceSpec(String name, int port, String description, String database, boolean public_,
        List<String> calls, List<SecretEnv> secrets) {

    /** An environment variable of the service filled from a key of a Secret the deployer creates. */
    public record SecretEnv(String env, String secret, String key) {
    }

    public ServiceSpec {
        calls = calls == null ? List.of() : List.copyOf(calls);
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
    }

    public boolean hasDatabase() {
        return database != null && !database.isBlank();
    }
}
