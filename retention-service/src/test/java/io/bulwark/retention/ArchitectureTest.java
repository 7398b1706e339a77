package io.bulwark.retention;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.bulwark.retention");

    @Test
    void domainDependsOnNoFrameworkKafkaOrObjectStore() {
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.apache.kafka..",
                        "io.minio..",
                        "io.bulwark.artifacts..",
                        "..adapter..",
                        "..application..",
                        "..config..")
                .because("retention rules must stay pure and unit-testable: move framework, Kafka or object-store"
                        + " code to an adapter and pass plain values into the domain")
                .check(CLASSES);
    }

    @Test
    void applicationDependsOnNoAdapter() {
        noClasses()
                .that()
                .resideInAPackage("..application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..adapter..", "org.apache.kafka..", "io.minio..")
                .because("use cases talk to the outside only through ports (BackupCatalog, DeletionPublisher,"
                        + " ObjectStore); implement a port in an adapter instead")
                .check(CLASSES);
    }
}
