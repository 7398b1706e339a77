package io.bulwark.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The layering rules every Bulwark service checks with ArchUnit (packages by role, {@code
 * domain} holds pure rules, {@code application} talks to the outside through port interfaces). A
 * service's {@code ArchitectureTest} is annotated with ArchUnit's {@code AnalyzeClasses} over its own
 * package (without tests) and declares the rules it follows as {@code ArchTest} fields.
 *
 * <p>Package patterns use ArchUnit's syntax ({@code "org.springframework.."}, {@code "..adapter.."}).
 * The rules match {@code ..domain..} and {@code ..application..} anywhere in the imported classes.
 */
public final class ArchitectureRules {

    /** The frameworks no {@code domain} class may use: Spring, the Kafka clients, the MinIO SDK. */
    private static final String[] FRAMEWORKS = {"org.springframework..", "org.apache.kafka..", "io.minio.."};

    /** The layers around {@code domain}, which domain must not know. */
    private static final String[] OUTER_LAYERS = {"..application..", "..adapter..", "..config.."};

    private ArchitectureRules() {}

    /**
     * No class in a {@code domain} package depends on Spring, the Kafka clients, the MinIO SDK or on {@code more}.
     *
     * @param more further forbidden packages for this service (e.g. {@code "java.sql.."}, {@code
     *     "io.bulwark.artifacts.."})
     * @return the rule, to declare as an {@code @ArchTest} field or to {@code check} classes with
     */
    public static ArchRule domainDependsOnNoFramework(String... more) {
        return noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(concat(FRAMEWORKS, more))
                .because("domain holds pure, unit-testable rules: move framework and infrastructure code"
                        + " (Spring, Kafka, MinIO, JDBC, I/O) to an adapter or the application layer and pass"
                        + " plain values or contracts records into domain");
    }

    /**
     * No class in a {@code domain} package depends on its service's {@code application}, {@code adapter} or {@code config} packages.
     *
     * @return the rule
     */
    public static ArchRule domainDependsOnNoOuterLayer() {
        return noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(OUTER_LAYERS)
                .because("dependencies point inwards: application, adapters and config use domain, never the"
                        + " reverse; move the needed rule into domain or pass its result in as a parameter");
    }

    /**
     * No class in an {@code application} package depends on any of {@code packages}.
     *
     * @param packages the forbidden packages, e.g. {@code "..adapter.."}, {@code "org.apache.kafka.."}
     * @return the rule
     * @throws IllegalArgumentException when no package is given
     */
    public static ArchRule applicationDependsOnNoneOf(String... packages) {
        if (packages.length == 0) {
            throw new IllegalArgumentException("packages must name at least one package");
        }
        return noClasses()
                .that()
                .resideInAPackage("..application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages)
                .because("use cases reach the outside only through port interfaces declared in application;"
                        + " implement a port in an adapter and wire it in config");
    }

    private static String[] concat(String[] first, String[] second) {
        return Stream.concat(Arrays.stream(first), Arrays.stream(second)).toArray(String[]::new);
    }
}
