package io.bulwark.scheduler.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard's entry: its static files live in {@code classpath:/static/console/} (served at {@code /console/**},
 * open, like its chart library under {@code /webjars/**}); {@code /console} redirects to {@code /console/}, which
 * answers with {@code index.html}. The page holds no data: every call it makes to {@code /api} carries the token the
 * user pasted.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration implements WebMvcConfigurer {

    /** The dashboard's path, with its trailing slash. */
    public static final String PATH = "/console/";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/console", PATH);
        registry.addViewController(PATH).setViewName("forward:" + PATH + "index.html");
    }
}
