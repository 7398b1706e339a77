package io.bulwark.dumpworker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.bulwark.dumpworker");

    @Test
    void domainStaysFreeOfFrameworks() {
        noClasses()
                .that()
                .resideInAPackage("..dumpworker.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "io.minio..", "java.sql..")
                .because("the domain holds pure rules; move framework code to config or an adapter")
                .check(classes);
    }

    @Test
    void applicationDoesNotKnowSpringOrKafka() {
        noClasses()
                .that()
                .resideInAPackage("..dumpworker.application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "io.minio..")
                .because("use cases talk to ports; wire them in config and implement them in adapters")
                .check(classes);
    }
}
