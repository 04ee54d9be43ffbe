package kz.prevention.k8s.model;

import java.util.List;

/**
 * One workload of services.yaml. {@code database} is absent for the gateway; {@code calls} lists
 * the services it may reach; {@code public} marks the one the ingress controller reaches.
 */
public record ServiceSpec(String name, int port, String description, String database, boolean public_,
        List<String> calls) {

    public ServiceSpec {
        calls = calls == null ? List.of() : List.copyOf(calls);
    }

    public boolean hasDatabase() {
        return database != null && !database.isBlank();
    }
}
