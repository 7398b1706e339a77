package io.bulwark.notifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.bulwark.notifier");

    @Test
    void domainDependsOnNoFrameworkKafkaOrHttp() {
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.apache.kafka..",
                        "io.minio..",
                        "java.net.http..",
                        "..adapter..",
                        "..application..",
                        "..config..")
                .because("notification rules must stay pure and unit-testable: move framework, Kafka or HTTP code"
                        + " to an adapter and pass plain values into the domain")
                .check(CLASSES);
    }

    @Test
    void applicationDependsOnNoAdapterOrSpring() {
        noClasses()
                .that()
                .resideInAPackage("..application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..adapter..", "org.springframework..", "org.apache.kafka..", "java.net.http..")
                .because("use cases reach channels only through the NotificationChannel port; put technology in"
                        + " an adapter under adapter.channel")
                .check(CLASSES);
    }
}
