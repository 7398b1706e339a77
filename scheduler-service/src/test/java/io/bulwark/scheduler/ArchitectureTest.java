package io.bulwark.scheduler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.bulwark.scheduler", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.apache.kafka..",
                    "io.minio..",
                    "tools.jackson..",
                    "com.fasterxml.jackson..",
                    "jakarta.persistence..",
                    "java.sql..")
            .because("domain holds the pure lifecycle rules: move framework code (Spring, Kafka, MinIO, Jackson,"
                    + " JDBC) to an adapter or the application layer and pass plain values or contracts"
                    + " records into domain");

    @ArchTest
    static final ArchRule domainDoesNotReachOutwards = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..application..", "..adapter..", "..config..")
            .because("dependencies point inwards: application and adapters use domain, never the reverse;"
                    + " move the needed rule into domain or pass its result in as a parameter");

    @ArchTest
    static final ArchRule applicationDoesNotUseAdapters = noClasses()
            .that()
            .resideInAPackage("..application..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..adapter..")
            .because("adapters implement the application's ports; declare a port interface in application"
                    + " instead of calling an adapter class");
}
