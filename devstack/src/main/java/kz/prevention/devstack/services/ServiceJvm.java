package kz.prevention.devstack.services;

import java.nio.file.Path;

import kz.prevention.devstack.StackConfig;
import kz.prevention.devstack.keycloak.JdkFinder;

/**
 * The Java runtime the services run on: {@code SERVICE_JAVA_HOME} when given; otherwise, for the
 * developer's stack, the newest JDK under /usr/lib/jvm when it is 25 or later, so the services start
 * from an {@link AotCache}; otherwise the JDK running devstack (17+). The services are built for
 * Java 17 and run unchanged on 25. Tests' stacks keep devstack's JDK and no cache.
 */
public record ServiceJvm(Path javaHome, boolean aotCache) {

    public static ServiceJvm of(StackConfig config) {
        Path home = config.serviceJavaHome().orElseGet(() -> config.serviceAotCache()
                ? JdkFinder.newestUnder(Path.of("/usr/lib/jvm")).filter(h -> JdkFinder.majorVersion(h) >= AotCache.MIN_JDK)
                        .orElse(Path.of(System.getProperty("java.home")))
                : Path.of(System.getProperty("java.home")));
        return new ServiceJvm(home, config.serviceAotCache() && JdkFinder.majorVersion(home) >= AotCache.MIN_JDK);
    }

    public String java() {
        return javaHome.resolve("bin/java").toString();
    }
}
