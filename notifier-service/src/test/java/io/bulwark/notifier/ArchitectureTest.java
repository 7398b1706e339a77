package io.bulwark.notifier;

import static io.bulwark.testsupport.ArchitectureRules.applicationDependsOnNoneOf;
import static io.bulwark.testsupport.ArchitectureRules.domainDependsOnNoFramework;
import static io.bulwark.testsupport.ArchitectureRules.domainDependsOnNoOuterLayer;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering rules of {@link io.bulwark.testsupport.ArchitectureRules} applied to this service. */
@AnalyzeClasses(packages = "io.bulwark.notifier", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainDependsOnNoFrameworkKafkaOrHttp = domainDependsOnNoFramework("java.net.http..");

    @ArchTest
    static final ArchRule domainDoesNotReachOutwards = domainDependsOnNoOuterLayer();

    @ArchTest
    static final ArchRule applicationDependsOnNoAdapterOrSpring =
            applicationDependsOnNoneOf("..adapter..", "org.springframework..", "org.apache.kafka..", "java.net.http..");
}
