package io.bulwark.verifier;

import static io.bulwark.testsupport.ArchitectureRules.applicationDependsOnNoneOf;
import static io.bulwark.testsupport.ArchitectureRules.domainDependsOnNoFramework;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering rules of {@link io.bulwark.testsupport.ArchitectureRules} applied to this service. The use cases in
 * {@code application} drive the restore pipeline ({@code io.bulwark.pipeline..}) through the engines' ports ({@code
 * io.bulwark.engines..}): both are allowed there; adapters, configuration, Spring, Kafka and MinIO are not.
 */
@AnalyzeClasses(packages = "io.bulwark.verifier", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * The verifier has no {@code domain} package any more (its rules are the pipeline's, {@code
     * io.bulwark.pipeline.rules}); the rule stays, allowed to match nothing, so that one added again stays pure.
     */
    @ArchTest
    static final ArchRule domainRulesUseNoFrameworkNorInfrastructure = domainDependsOnNoFramework(
                    "io.bulwark.artifacts..", "io.bulwark.engines..", "java.sql..", "java.io..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule theUseCaseKnowsNoAdapterNorFramework = applicationDependsOnNoneOf(
            "..adapter..", "..config..", "org.springframework..", "org.apache.kafka..", "io.minio..");
}
