package kz.prevention.devstack;

/**
 * One of the platform's Quarkus applications as devstack runs it: its Maven module, HTTP
 * port and the PostgreSQL database it owns (null for the gateway, which owns none).
 */
public record ServiceSpec(String name, int port, String database) {

    public boolean ownsDatabase() {
        return database != null;
    }

    public ServiceSpec withPort(int newPort) {
        return new ServiceSpec(name, newPort, database);
    }
}
