package io.bulwark.verifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.bulwark.testsupport.ServiceArchitecture;

/**
 * The architecture rules every Bulwark service applies ({@link ServiceArchitecture}), over this service's main classes,
 * and one rule of the verifier's own.
 */
@AnalyzeClasses(packages = "io.bulwark.verifier", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests rules = ArchTests.in(ServiceArchitecture.class);

    /** The verifier's own: its use case restores through the sandbox ports, never a database engine directly. */
    @ArchTest
    static final ArchRule applicationUsesNoEngine = noClasses()
            .that()
            .resideInAPackage("..application..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.bulwark.engines..")
            .because("the verification use case restores and inspects through its SandboxProvider and Sandbox ports,"
                    + " implemented in adapter.sandbox: move the engine code there");
}
