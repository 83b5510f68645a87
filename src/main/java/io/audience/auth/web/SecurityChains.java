package io.audience.auth.web;

import io.audience.auth.LoginAttempts;
import io.audience.auth.OAuthClients;
import io.audience.auth.TokenEndpointRules;
import io.audience.web.Pages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Three filter chains. The authorization server's endpoints (/oauth2/**, the metadata) send a
 * browser that is not signed in to the login page. The login page, the console and their session
 * (CSRF tokens on every form). Everything
 * else (the API, /admin, the public pages) passes through untouched: those have their own token
 * checks (AuthenticationFilter) and no session or CSRF token to carry.
 */
@Configuration(proxyBeanMethods = false)
class SecurityChains {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, OAuthClients clients, TokenEndpointRules rules)
            throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(
                        server,
                        s -> s.authorizationEndpoint(endpoint -> endpoint.consentPage("/oauth2/consent")
                                        .authenticationProviders(
                                                providers -> providers.forEach(p -> onlyTheAppsAccount(p, clients))))
                                .tokenEndpoint(endpoint -> endpoint.authenticationProviders(rules::tokenProviders))
                                .tokenRevocationEndpoint(
                                        endpoint -> endpoint.authenticationProviders(rules::revocationProviders))
                                .clientAuthentication(authentication -> authentication
                                        .authenticationProviders(rules::clientAuthenticationProviders)
                                        .errorResponseHandler(rules.clientAuthenticationFailures())))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain login(HttpSecurity http, LoginAttempts attempts, Pages pages) throws Exception {
        http.addFilterBefore(new LoginThrottle(attempts), UsernamePasswordAuthenticationFilter.class)
                .securityMatcher("/login", "/logout", "/oauth2/consent", "/console", "/console/**")
                // Who may see a console page is decided by the request gate (ConsoleSessions), on the
                // handler the request routes to; this chain gives the console its session and CSRF checks.
                .authorizeHttpRequests(requests -> requests.requestMatchers("/oauth2/consent")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/console", false)
                        .permitAll())
                .logout(Customizer.withDefaults())
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, denied) -> pages.write(
                        response,
                        HttpServletResponse.SC_FORBIDDEN,
                        "pages/message",
                        Map.of(
                                "title",
                                "This form has expired",
                                "message",
                                "The form was not sent from this console's current page (its security token is"
                                        + " missing or old), so nothing was changed. Go back, reload the page and"
                                        + " try again."))));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .anonymous(anonymous -> anonymous.disable());
        return http.build();
    }

    /**
     * An app acts only for the users of the account that registered it: a user of another account
     * who signs in is sent back to the app with access_denied.
     */
    private static void onlyTheAppsAccount(AuthenticationProvider provider, OAuthClients clients) {
        if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider codeRequests) {
            codeRequests.setAuthenticationValidator(new OAuth2AuthorizationCodeRequestAuthenticationValidator()
                    .andThen(context -> checkAccount(context, clients)));
        }
    }

    private static void checkAccount(
            OAuth2AuthorizationCodeRequestAuthenticationContext context, OAuthClients clients) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        if (!(request.getPrincipal() instanceof Authentication user)
                || !user.isAuthenticated()
                || user instanceof AnonymousAuthenticationToken) {
            return;
        }
        if (!clients.servesUserOf(context.getRegisteredClient().getClientId(), user)) {
            throw new OAuth2AuthorizationCodeRequestAuthenticationException(
                    new OAuth2Error(
                            OAuth2ErrorCodes.ACCESS_DENIED,
                            "This app belongs to another account than the user who signed in",
                            null),
                    request);
        }
    }
}
