package io.bulwark.verifier;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.bulwark.testsupport.ServiceArchitecture;

/**
 * The architecture rules every Bulwark service applies ({@link ServiceArchitecture}), over this service's main classes.
 * Its use cases drive the restore pipeline through the engines' ports, which the shared rules allow.
 */
@AnalyzeClasses(packages = "io.bulwark.verifier", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests rules = ArchTests.in(ServiceArchitecture.class);
}
