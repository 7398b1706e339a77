package io.bulwark.service.security;

import io.bulwark.service.secrets.SecretReader;
import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security for every Bulwark service with HTTP: bearer API tokens ({@code bulwark.security.tokens}) and,
 * optionally, JWTs of an OIDC issuer ({@code bulwark.security.oidc}), the roles of {@link ApiAccessRules}, 401/403 as
 * problem details ({@link ProblemResponses}) and the request body limit ({@link RequestBodyLimitFilter}). Stateless:
 * no session, no cookie, so no CSRF token either. With no token and no issuer configured every call but {@code
 * /actuator/health} is refused with 401, and start-up logs how to configure a token.
 *
 * <p>Servlet filter order: {@link #AUDIT_FILTER_ORDER} (a service's audit log, outermost, so that it sees refused
 * calls), then {@link #BODY_LIMIT_FILTER_ORDER}, then the security chain (-100).
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
@EnableConfigurationProperties(ApiSecurityProperties.class)
@EnableWebSecurity
public class ApiSecurityAutoConfiguration {

    /** Order of a service's audit filter: before the body limit and the security chain. */
    public static final int AUDIT_FILTER_ORDER = -110;

    /** Order of the {@link RequestBodyLimitFilter}: before the security chain (-100). */
    public static final int BODY_LIMIT_FILTER_ORDER = -105;

    private static final Logger log = LoggerFactory.getLogger(ApiSecurityAutoConfiguration.class);

    /** The configured tokens, read once and kept as digests. */
    @Bean
    @ConditionalOnMissingBean
    ApiTokens apiTokens(ApiSecurityProperties properties) {
        return ApiTokens.of(properties.tokens(), new SecretReader());
    }

    /** Which role each call needs. */
    @Bean
    @ConditionalOnMissingBean
    ApiAccessRules apiAccessRules() {
        return new ApiAccessRules();
    }

    /** The 401 and 403 answers. */
    @Bean
    @ConditionalOnMissingBean
    ProblemResponses problemResponses(ApiAccessRules rules) {
        return new ProblemResponses(rules);
    }

    /** The request body limit as a servlet filter ahead of the security chain. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ApiSecurityProperties properties) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(properties.maxRequestBody().toBytes()));
        registration.setOrder(BODY_LIMIT_FILTER_ORDER);
        registration.setName("bulwarkRequestBodyLimit");
        return registration;
    }

    /**
     * The security chain.
     *
     * @param jwtDecoder a JWT decoder defined elsewhere (e.g. Spring Boot's {@code
     *     spring.security.oauth2.resourceserver.jwt.*}, or a test's); used when present, else one is built from
     *     {@code bulwark.security.oidc}
     */
    @Bean
    SecurityFilterChain bulwarkApiSecurity(
            HttpSecurity http,
            ApiSecurityProperties properties,
            ApiTokens tokens,
            ApiAccessRules rules,
            ProblemResponses problems,
            ObjectProvider<JwtDecoder> jwtDecoder)
            throws Exception {
        JwtAuthenticationProvider jwt = jwtProvider(properties, jwtDecoder.getIfAvailable());
        announce(properties, tokens, jwt != null);
        BearerAuthenticationManager manager = new BearerAuthenticationManager(tokens, jwt);
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(rs -> rs.authenticationManagerResolver(request -> manager)
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterAfter(new ApiCaller(), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(registry -> {
                    registry.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    rules.apply(registry);
                });
        return http.build();
    }

    private static JwtAuthenticationProvider jwtProvider(ApiSecurityProperties properties, JwtDecoder defined) {
        JwtDecoder decoder = defined;
        if (decoder == null && properties.oidcEnabled()) {
            decoder = decoder(properties.oidc());
        }
        if (decoder == null) {
            return null;
        }
        ApiSecurityProperties.Oidc oidc = properties.oidc() != null
                ? properties.oidc()
                : new ApiSecurityProperties.Oidc(null, null, null, null, null);
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(new JwtRoleConverter(oidc.roleClaim(), oidc.roleMapping()));
        return provider;
    }

    /**
     * A decoder of the issuer's JWTs: from {@code jwk-set-uri} when given, else from the issuer's discovery document,
     * fetched at the first JWT (so a service starts while the issuer is down). Checks expiry, {@code iss} when an
     * issuer is given and {@code aud} when an audience is given.
     */
    static JwtDecoder decoder(ApiSecurityProperties.Oidc oidc) {
        if (oidc.jwkSetUri() != null) {
            NimbusJwtDecoder decoder =
                    NimbusJwtDecoder.withJwkSetUri(oidc.jwkSetUri().toString()).build();
            decoder.setJwtValidator(validator(oidc));
            return decoder;
        }
        return new SupplierJwtDecoder(() -> {
            JwtDecoder discovered =
                    JwtDecoders.fromIssuerLocation(oidc.issuerUri().toString());
            if (discovered instanceof NimbusJwtDecoder nimbus) {
                nimbus.setJwtValidator(validator(oidc));
            }
            return discovered;
        });
    }

    private static OAuth2TokenValidator<Jwt> validator(ApiSecurityProperties.Oidc oidc) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(
                oidc.issuerUri() != null
                        ? JwtValidators.createDefaultWithIssuer(oidc.issuerUri().toString())
                        : JwtValidators.createDefault());
        if (oidc.audience() != null && !oidc.audience().isBlank()) {
            validators.add(
                    new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(oidc.audience())));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static void announce(ApiSecurityProperties properties, ApiTokens tokens, boolean jwt) {
        if (tokens.isEmpty() && !jwt) {
            log.warn("HTTP API: no API token and no OIDC issuer is configured, so every call except /actuator/health"
                    + " is refused with 401. To allow calls, put a token in a file (chmod 600) and configure"
                    + " bulwark.security.tokens[0].name=<who>, bulwark.security.tokens[0].role=viewer|operator|admin,"
                    + " bulwark.security.tokens[0].token-file=<file> (or token-env=<VARIABLE>); then send"
                    + " 'Authorization: Bearer <token>'.");
            return;
        }
        log.info(
                "HTTP API: {} API token(s){}; request bodies up to {} bytes",
                tokens.size(),
                jwt
                        ? ", JWTs of "
                                + (properties.oidc() != null
                                                && properties.oidc().issuerUri() != null
                                        ? properties.oidc().issuerUri()
                                        : "the configured JwtDecoder")
                        : "",
                properties.maxRequestBody().toBytes());
    }
}
