package io.bulwark.scheduler.config;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the scheduler's own beans: its properties and the clock that stamps the projection. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulerProperties.class)
public class SchedulerConfiguration {

    /** The UTC system clock. */
    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
