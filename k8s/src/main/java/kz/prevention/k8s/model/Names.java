package kz.prevention.k8s.model;

/**
 * Names the hand-written operator resources (base/kafka, base/postgres, base/keycloak) and the
 * generated ones must agree on. The render tests check that the rendered overlays use them.
 */
public final class Names {

    /** Strimzi {@code Kafka}: pods labelled {@code strimzi.io/cluster=prevention}. */
    public static final String KAFKA_CLUSTER = "prevention";
    public static final String KAFKA_BOOTSTRAP = KAFKA_CLUSTER + "-kafka-bootstrap:9093";
    /** Made by Strimzi: the cluster CA's certificate (no key). */
    public static final String KAFKA_CA_SECRET = KAFKA_CLUSTER + "-cluster-ca-cert";

    /** CloudNativePG {@code Cluster}: pods labelled {@code cnpg.io/cluster=prevention-db}. */
    public static final String DB_CLUSTER = "prevention-db";
    public static final String DB_RW_SERVICE = DB_CLUSTER + "-rw";
    /** Made by CloudNativePG: the cluster's CA ({@code ca.crt} is mounted, nothing else). */
    public static final String DB_CA_SECRET = DB_CLUSTER + "-ca";

    /** Keycloak operator {@code Keycloak}: service {@code prevention-keycloak-service}. */
    public static final String KEYCLOAK = "prevention-keycloak";
    public static final String KEYCLOAK_SERVICE = KEYCLOAK + "-service";
    public static final int KEYCLOAK_HTTP_PORT = 8080;
    public static final String REALM = "prevention";

    public static final String PART_OF = "prevention";
    public static final String INGRESS_NAMESPACE = "ingress-nginx";
    public static final String MONITORING_NAMESPACE = "monitoring";

    /** Pod labels the infrastructure's NetworkPolicies admit (network/*.yaml, Strimzi's listener). */
    public static final String KAFKA_CLIENT_LABEL = "prevention.kz/kafka-client";
    public static final String POSTGRES_CLIENT_LABEL = "prevention.kz/postgres-client";
    public static final String OIDC_CLIENT_LABEL = "prevention.kz/oidc-client";

    private Names() {
    }

    /** The basic-auth Secret (username, password) of a database's owner role. */
    public static String dbSecret(String database) {
        return DB_CLUSTER + "-" + database;
    }

    /** The Secret holding a confidential Keycloak client's secret (key {@code client-secret}). */
    public static String oidcSecret(String clientId) {
        return clientId + "-oidc";
    }
}
