package io.bulwark.verifier;

import static io.bulwark.testsupport.ArchitectureRules.applicationDependsOnNoneOf;
import static io.bulwark.testsupport.ArchitectureRules.domainDependsOnNoFramework;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering rules of {@link io.bulwark.testsupport.ArchitectureRules} applied to this service. */
@AnalyzeClasses(packages = "io.bulwark.verifier", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainRulesUseNoFrameworkNorInfrastructure =
            domainDependsOnNoFramework("io.bulwark.artifacts..", "io.bulwark.engines..", "java.sql..", "java.io..");

    @ArchTest
    static final ArchRule theUseCaseKnowsNoAdapterNorSpring =
            applicationDependsOnNoneOf("..adapter..", "..config..", "org.springframework..", "io.bulwark.engines..");
}
