package io.bulwark.scheduler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A scheduler integration test on real components: the whole application on a random port, an embedded KRaft Kafka
 * broker (one partition per topic) the binder talks to, the application closed after the class ({@code
 * DirtiesContext}) and then the class's static {@link SchedulerItDatabase} dropped ({@link SchedulerItDatabase.Drop},
 * declared before {@code @SpringBootTest} so it runs after Spring's after-all callback).
 *
 * <p>A class adds its own settings with {@code @TestPropertySource(properties = ...)} and registers its database in
 * a {@code @DynamicPropertySource} method. An extension of its own declared before this annotation runs its after-all
 * callback after the drop.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(SchedulerItDatabase.Drop.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
            "spring.cloud.stream.kafka.binder.min-partition-count=1"
        })
@EmbeddedKafka(partitions = 1)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@interface SchedulerIntegrationTest {}
