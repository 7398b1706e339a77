package io.bulwark.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Optional;

/**
 * The architecture rules every Bulwark service applies, identically. Inside a service, packages are by role:
 * {@code domain} holds pure, unit-testable rules; {@code application} holds the use cases and the port interfaces
 * through which they reach the outside; {@code adapter.*} implements the ports with frameworks and infrastructure;
 * {@code config} wires everything with Spring. Services talk only through Kafka and the object store, never through
 * each other's classes.
 *
 * <p>A service includes all rules in its {@code ArchitectureTest}, over its own main classes:
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "io.bulwark.notifier", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *     @ArchTest
 *     static final ArchTests rules = ArchTests.in(ServiceArchitecture.class);
 * }
 * }</pre>
 *
 * <p>Each rule is a public {@code @ArchTest} field, so a module that is not a layered service (the local stack) can
 * pick single rules. Every rule fails when it matches no class at all ({@code ..domain..} or {@code ..application..}
 * missing), so a wrong {@code AnalyzeClasses} package shows up as a failure instead of passing silently. Each rule's
 * {@code because} says how to fix a violation. The module that runs the rules declares {@code archunit-junit5} (test
 * scope) itself.
 */
public final class ServiceArchitecture {

    /** The root package of every Bulwark service and of the local stack, each of which is one deployable. */
    public static final List<String> SERVICE_PACKAGES = List.of(
            "io.bulwark.scheduler",
            "io.bulwark.dumpworker",
            "io.bulwark.verifier",
            "io.bulwark.retention",
            "io.bulwark.notifier",
            "io.bulwark.localstack");

    /**
     * What {@code domain} must not use: Spring, the Kafka clients, the MinIO SDK, Jackson, JDBC, blocking I/O, the
     * HTTP client, JPA, the artifact store and codecs, the database engines, the services' Spring plumbing.
     */
    static final String[] DOMAIN_FORBIDDEN = {
        "org.springframework..",
        "org.apache.kafka..",
        "io.minio..",
        "tools.jackson..",
        "com.fasterxml.jackson..",
        "java.sql..",
        "java.io..",
        "java.net.http..",
        "jakarta.persistence..",
        "io.bulwark.artifacts..",
        "io.bulwark.engines..",
        "io.bulwark.service.."
    };

    /**
     * What {@code application} must not use: the adapters, the wiring, Spring, the Kafka clients, the MinIO SDK,
     * Micrometer (metrics are recorded through application ports).
     */
    static final String[] APPLICATION_FORBIDDEN = {
        "..adapter..", "..config..", "org.springframework..", "org.apache.kafka..", "io.minio..", "io.micrometer.."
    };

    /** No class in a {@code domain} package depends on a framework or on infrastructure ({@link #DOMAIN_FORBIDDEN}). */
    @ArchTest
    public static final ArchRule domainDependsOnNoFrameworkOrInfrastructure = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(DOMAIN_FORBIDDEN)
            .because("domain holds pure, unit-testable rules: move the framework or infrastructure code (Spring,"
                    + " Kafka, MinIO, Jackson, JDBC, I/O, HTTP, JPA, artifacts, engines) into an adapter or the"
                    + " application layer, and pass plain values or contracts records into domain")
            .allowEmptyShould(true);

    /** No class in a {@code domain} package depends on its service's {@code application}, {@code adapter} or {@code config}. */
    @ArchTest
    public static final ArchRule domainDependsOnNoOuterLayer = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..application..", "..adapter..", "..config..")
            .because("dependencies point inwards: application, adapters and config use domain, never the reverse;"
                    + " move the needed type into domain or pass its value in as a parameter")
            .allowEmptyShould(true);

    /**
     * No class in an {@code application} package depends on an adapter, on config, on Spring, on the Kafka clients or
     * on the MinIO SDK ({@link #APPLICATION_FORBIDDEN}).
     */
    @ArchTest
    public static final ArchRule applicationDependsOnNoAdapterConfigOrFramework = noClasses()
            .that()
            .resideInAPackage("..application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(APPLICATION_FORBIDDEN)
            .because("use cases reach the outside only through port interfaces declared in application: implement"
                    + " the port in an adapter, create the use case as a bean in config (no @Service or"
                    + " @Transactional on it; a transaction is a port too), and pass settings in as plain values");

    /** No class of a service depends on a class of another service (see {@link #SERVICE_PACKAGES}). */
    @ArchTest
    public static final ArchRule noServiceDependsOnAnotherService = classes()
            .that()
            .resideInAnyPackage(SERVICE_PACKAGES.stream().map(p -> p + "..").toArray(String[]::new))
            .should(dependOnNoOtherService())
            .because("services are deployed and scaled apart and talk only through Kafka events (contracts) and the"
                    + " object store: move what both need into contracts, engines or artifacts, or send an event");

    /** No shipped (main) class depends on {@code io.bulwark.testsupport}. */
    @ArchTest
    public static final ArchRule noShippedClassDependsOnTestSupport = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.bulwark.testsupport..")
            .because("test-support is for tests and is not shipped: use io.bulwark.embedded (module embedded) for"
                    + " the embedded Kafka broker, S3 server and PostgreSQL databases, or move what shipped code needs"
                    + " into a shipped module");

    private ServiceArchitecture() {}

    /**
     * The service a package belongs to.
     *
     * @param packageName a Java package name, e.g. {@code io.bulwark.verifier.domain}
     * @return the service's root package from {@link #SERVICE_PACKAGES}, or empty for shared modules and libraries
     */
    static Optional<String> serviceOf(String packageName) {
        return SERVICE_PACKAGES.stream()
                .filter(root -> packageName.equals(root) || packageName.startsWith(root + "."))
                .findFirst();
    }

    private static ArchCondition<JavaClass> dependOnNoOtherService() {
        return new ArchCondition<>("depend on no class of another service") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> own = serviceOf(origin.getPackageName());
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    Optional<String> target = serviceOf(
                            dependency.getTargetClass().getBaseComponentType().getPackageName());
                    if (target.isPresent() && !target.equals(own)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
