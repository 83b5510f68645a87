package io.audience.auth.web;

import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Security runs only where it has work: the authorization server, its pages, the console
 * (session and CSRF), and the pages a person opens from mail (for its headers). The API, /admin and the probes check their own
 * tokens (AuthenticationFilter), and the security filters cost them CPU on every request.
 */
@Configuration(proxyBeanMethods = false)
class SecurityFilterPaths {

    static final List<String> PATHS = List.of(
            "/oauth2/*",
            "/.well-known/*",
            "/login",
            "/logout",
            "/error",
            "/confirm/*",
            "/unsubscribe/*",
            "/preferences/*",
            "/accounts/*/preferences",
            "/forms/*",
            "/forms/*/challenge",
            "/console",
            "/console/*");

    @Bean
    static BeanPostProcessor securityFilterOnlyWhereNeeded() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                // The registration Spring Boot makes for the security filter (SecurityFilterAutoConfiguration).
                if (bean instanceof DelegatingFilterProxyRegistrationBean registration
                        && "securityFilterChainRegistration".equals(name)) {
                    registration.setUrlPatterns(PATHS);
                }
                return bean;
            }
        };
    }
}
