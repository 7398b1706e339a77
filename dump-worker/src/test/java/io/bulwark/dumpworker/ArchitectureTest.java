package io.bulwark.dumpworker;

import static io.bulwark.testsupport.ArchitectureRules.applicationDependsOnNoneOf;
import static io.bulwark.testsupport.ArchitectureRules.domainDependsOnNoFramework;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering rules of {@link io.bulwark.testsupport.ArchitectureRules} applied to this service. */
@AnalyzeClasses(packages = "io.bulwark.dumpworker", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainStaysFreeOfFrameworks = domainDependsOnNoFramework("java.sql..");

    @ArchTest
    static final ArchRule applicationDoesNotKnowSpringOrKafka =
            applicationDependsOnNoneOf("org.springframework..", "org.apache.kafka..", "io.minio..");
}
