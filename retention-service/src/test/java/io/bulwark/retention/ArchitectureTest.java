package io.bulwark.retention;

import static io.bulwark.testsupport.ArchitectureRules.applicationDependsOnNoneOf;
import static io.bulwark.testsupport.ArchitectureRules.domainDependsOnNoFramework;
import static io.bulwark.testsupport.ArchitectureRules.domainDependsOnNoOuterLayer;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering rules of {@link io.bulwark.testsupport.ArchitectureRules} applied to this service. */
@AnalyzeClasses(packages = "io.bulwark.retention", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainDependsOnNoFrameworkKafkaOrObjectStore =
            domainDependsOnNoFramework("io.bulwark.artifacts..");

    @ArchTest
    static final ArchRule domainDoesNotReachOutwards = domainDependsOnNoOuterLayer();

    @ArchTest
    static final ArchRule applicationDependsOnNoAdapter =
            applicationDependsOnNoneOf("..adapter..", "org.apache.kafka..", "io.minio..");
}
