package io.bulwark.scheduler;

import static io.bulwark.testsupport.ArchitectureRules.applicationDependsOnNoneOf;
import static io.bulwark.testsupport.ArchitectureRules.domainDependsOnNoFramework;
import static io.bulwark.testsupport.ArchitectureRules.domainDependsOnNoOuterLayer;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering rules of {@link io.bulwark.testsupport.ArchitectureRules} applied to this service. */
@AnalyzeClasses(packages = "io.bulwark.scheduler", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = domainDependsOnNoFramework(
            "tools.jackson..", "com.fasterxml.jackson..", "jakarta.persistence..", "java.sql..");

    @ArchTest
    static final ArchRule domainDoesNotReachOutwards = domainDependsOnNoOuterLayer();

    @ArchTest
    static final ArchRule applicationDoesNotUseAdapters = applicationDependsOnNoneOf("..adapter..");
}
