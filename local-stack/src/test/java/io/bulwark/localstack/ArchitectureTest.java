package io.bulwark.localstack;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.bulwark.testsupport.ServiceArchitecture;

/**
 * The rules of {@link ServiceArchitecture} that fit the local stack, over its main classes: it is one deployable
 * but not a layered service (no domain, application, adapter packages), so the layering rules do not apply.
 */
@AnalyzeClasses(packages = "io.bulwark.localstack", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** It runs the services as processes and talks to them over HTTP and Kafka, never through their classes. */
    @ArchTest
    static final ArchRule noServiceDependsOnAnotherService = ServiceArchitecture.noServiceDependsOnAnotherService;

    /** It ships: the embedded Kafka, S3 and PostgreSQL helpers come from module embedded. */
    @ArchTest
    static final ArchRule noShippedClassDependsOnTestSupport = ServiceArchitecture.noShippedClassDependsOnTestSupport;
}
