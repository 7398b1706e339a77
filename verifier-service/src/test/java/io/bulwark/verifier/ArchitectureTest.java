package io.bulwark.verifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.bulwark.verifier");

    @Test
    void domainRulesUseNoFrameworkNorInfrastructure() {
        noClasses()
                .that()
                .resideInAPackage("..verifier.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.apache.kafka..",
                        "io.minio..",
                        "io.bulwark.artifacts..",
                        "io.bulwark.engines..",
                        "java.sql..",
                        "java.io..")
                .because("the verification rules are pure functions over contracts; move I/O to application or"
                        + " an adapter")
                .check(CLASSES);
    }

    @Test
    void theUseCaseKnowsNoAdapterNorSpring() {
        noClasses()
                .that()
                .resideInAPackage("..verifier.application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..verifier.adapter..", "..verifier.config..", "org.springframework..", "io.bulwark.engines..")
                .because("VerifyBackup talks to sandboxes and the broker through its ports (Sandbox,"
                        + " SandboxProvider, VerificationPublisher); put technology in adapter packages")
                .check(CLASSES);
    }
}
