package io.bulwark.notifier;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.bulwark.testsupport.ServiceArchitecture;

/** The architecture rules every Bulwark service applies ({@link ServiceArchitecture}), over this service's main classes. */
@AnalyzeClasses(packages = "io.bulwark.notifier", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests rules = ArchTests.in(ServiceArchitecture.class);
}
