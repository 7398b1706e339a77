package io.bulwark.scheduler.config;

import io.bulwark.scheduler.application.BackupCatalog;
import io.bulwark.scheduler.application.RequestVerification;
import io.bulwark.scheduler.application.ReverifyErrors;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the scheduler's own beans: its properties and the clock that stamps the projection. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SchedulerProperties.class, ReverifyProperties.class})
public class SchedulerConfiguration {

    /** The UTC system clock. */
    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** The sweep that requests verifications that ended ERROR again ({@link ReverifyProperties}). */
    @Bean
    public ReverifyErrors reverifyErrors(
            BackupCatalog catalog, RequestVerification requestVerification, Clock clock, ReverifyProperties reverify) {
        return new ReverifyErrors(catalog, requestVerification, clock, reverify.backoff(), reverify.maxRequests());
    }
}
