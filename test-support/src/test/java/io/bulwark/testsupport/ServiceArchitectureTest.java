package io.bulwark.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.bulwark.notifier.archfixture.UsesScheduler;
import io.bulwark.notifier.archfixture.UsesTestSupport;
import io.bulwark.scheduler.archfixture.SchedulerNeighbour;
import io.bulwark.scheduler.archfixture.SchedulerThing;
import io.bulwark.testsupport.archfixture.adapter.StoreAdapter;
import io.bulwark.testsupport.archfixture.application.Store;
import io.bulwark.testsupport.archfixture.application.StoresDirectly;
import io.bulwark.testsupport.archfixture.application.StoresThroughPort;
import io.bulwark.testsupport.archfixture.domain.KnowsItsAdapter;
import io.bulwark.testsupport.archfixture.domain.PureRule;
import io.bulwark.testsupport.archfixture.domain.ReadsAFile;
import org.junit.jupiter.api.Test;

/** Each shared rule passes on classes that follow it and reports the classes that break it. */
class ServiceArchitectureTest {

    @Test
    void domainMayNotUseInfrastructure() {
        assertThat(evaluate(ServiceArchitecture.domainDependsOnNoFrameworkOrInfrastructure, PureRule.class)
                        .hasViolation())
                .isFalse();
        assertThat(violations(
                        ServiceArchitecture.domainDependsOnNoFrameworkOrInfrastructure,
                        PureRule.class,
                        ReadsAFile.class))
                .contains("ReadsAFile")
                .contains("java.io.File")
                .doesNotContain("PureRule");
    }

    @Test
    void domainMayNotUseOuterLayers() {
        assertThat(evaluate(ServiceArchitecture.domainDependsOnNoOuterLayer, PureRule.class)
                        .hasViolation())
                .isFalse();
        assertThat(violations(ServiceArchitecture.domainDependsOnNoOuterLayer, PureRule.class, KnowsItsAdapter.class))
                .contains("KnowsItsAdapter")
                .contains(StoreAdapter.class.getName());
    }

    @Test
    void applicationMayNotUseAdapters() {
        assertThat(evaluate(
                                ServiceArchitecture.applicationDependsOnNoAdapterConfigOrFramework,
                                Store.class,
                                StoresThroughPort.class)
                        .hasViolation())
                .isFalse();
        assertThat(violations(
                        ServiceArchitecture.applicationDependsOnNoAdapterConfigOrFramework,
                        StoresThroughPort.class,
                        StoresDirectly.class))
                .contains("StoresDirectly")
                .doesNotContain("StoresThroughPort");
    }

    @Test
    void serviceMayUseItsOwnClassesButNotAnotherServicesOnes() {
        assertThat(evaluate(
                                ServiceArchitecture.noServiceDependsOnAnotherService,
                                SchedulerThing.class,
                                SchedulerNeighbour.class)
                        .hasViolation())
                .isFalse();
        assertThat(violations(ServiceArchitecture.noServiceDependsOnAnotherService, UsesScheduler.class))
                .contains(UsesScheduler.class.getName())
                .contains(SchedulerThing.class.getName());
    }

    @Test
    void shippedCodeMayNotUseTestSupport() {
        assertThat(evaluate(ServiceArchitecture.noShippedClassDependsOnTestSupport, UsesScheduler.class)
                        .hasViolation())
                .isFalse();
        assertThat(violations(ServiceArchitecture.noShippedClassDependsOnTestSupport, UsesTestSupport.class))
                .contains(GnuPgHome.class.getName());
    }

    @Test
    void aServiceWithoutADomainPackagePassesTheDomainRules() {
        assertThat(evaluate(ServiceArchitecture.domainDependsOnNoOuterLayer, SchedulerThing.class)
                        .hasViolation())
                .isFalse();
        assertThat(evaluate(ServiceArchitecture.domainDependsOnNoFrameworkOrInfrastructure, SchedulerThing.class)
                        .hasViolation())
                .isFalse();
    }

    @Test
    void servicesAreKnownByTheirRootPackage() {
        assertThat(ServiceArchitecture.serviceOf("io.bulwark.verifier.domain")).contains("io.bulwark.verifier");
        assertThat(ServiceArchitecture.serviceOf("io.bulwark.verifier")).contains("io.bulwark.verifier");
        assertThat(ServiceArchitecture.serviceOf("io.bulwark.verifierx")).isEmpty();
        assertThat(ServiceArchitecture.serviceOf("io.bulwark.contracts")).isEmpty();
    }

    private static EvaluationResult evaluate(ArchRule rule, Class<?>... classes) {
        JavaClasses imported = new ClassFileImporter().importClasses(classes);
        return rule.evaluate(imported);
    }

    private static String violations(ArchRule rule, Class<?>... classes) {
        EvaluationResult result = evaluate(rule, classes);
        assertThat(result.hasViolation())
                .as("violations of %s", rule.getDescription())
                .isTrue();
        return result.getFailureReport().toString();
    }
}
