package io.audience.web;

import io.audience.api.PublicUrl;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The pages' static parts: the one stylesheet (/assets) and htmx from its WebJar (/webjars), the
 * only resources served (spring.web.resources.add-mappings is off); and the session cookie's
 * Secure flag when the service is reached over https.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)));
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new FrameArgumentResolver());
    }

    /** Tomcat counts its own session timeout in whole minutes; this one is exact (and short in tests). */
    @Bean
    HttpSessionListener consoleIdleTimeout(@Value("${audience.console.idle-timeout:30m}") Duration idle) {
        return new HttpSessionListener() {
            @Override
            public void sessionCreated(HttpSessionEvent event) {
                event.getSession().setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, idle.toSeconds()));
            }
        };
    }

    /** Tomcat marks the cookie Secure on an https request; behind a proxy that ends TLS, the public URL tells. */
    @Bean
    ServletContextInitializer secureSessionCookie(PublicUrl publicUrl) {
        return (ServletContext context) -> {
            if (publicUrl.configured().startsWith("https://")) {
                context.getSessionCookieConfig().setSecure(true);
            }
        };
    }
}
