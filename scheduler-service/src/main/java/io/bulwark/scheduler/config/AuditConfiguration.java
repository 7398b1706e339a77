package io.bulwark.scheduler.config;

import io.bulwark.scheduler.adapter.web.AuditFilter;
import io.bulwark.scheduler.application.AuditLog;
import io.bulwark.service.security.ApiSecurityAutoConfiguration;
import io.bulwark.service.security.ApiSecurityProperties;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit log of the HTTP API: {@link AuditFilter} as a servlet filter outside the body limit and the security
 * chain ({@link ApiSecurityAutoConfiguration#AUDIT_FILTER_ORDER}), so that refused calls are recorded too.
 */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    /** The audit filter, keeping at most the request body limit of each body to find its target id. */
    @Bean
    public FilterRegistrationBean<AuditFilter> auditFilter(
            AuditLog audit, Clock clock, ApiSecurityProperties security) {
        FilterRegistrationBean<AuditFilter> registration =
                new FilterRegistrationBean<>(new AuditFilter(audit, clock, (int)
                        Math.min(Integer.MAX_VALUE, security.maxRequestBody().toBytes())));
        registration.setOrder(ApiSecurityAutoConfiguration.AUDIT_FILTER_ORDER);
        registration.setName("bulwarkAudit");
        return registration;
    }
}
