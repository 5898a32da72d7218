package io.writeback.security;

import static org.springframework.security.config.Customizer.withDefaults;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * Who may call what. Only liveness and readiness answer without a login. The API is stateless (basic
 * or bearer on every call, so it needs no CSRF token); browser sessions (Hawtio's login) carry a CSRF
 * token; and no state-changing request from another site's page is accepted, whatever it carries.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

    private static final String VIEWER = Role.VIEWER.name();
    private static final String OPERATOR = Role.OPERATOR.name();
    private static final String ADMIN = Role.ADMIN.name();
    private static final String SANDBOX_CLIENT = Role.SANDBOX_CLIENT.name();

    @Bean
    InMemoryUserDetailsManager users(SecurityProperties properties,
            @Value("${" + LocalDefaults.SANDBOX_CLIENT_PASSWORD + "}") String sandboxClientPassword) {
        return ConfiguredUsers.of(properties, sandboxClientPassword);
    }

    /** Logins are checked against the configured users, and the ones that passed remembered for a minute. */
    @Bean
    AuthenticationProvider logins(InMemoryUserDetailsManager users, ObjectProvider<Clock> clock) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setUserDetailsPasswordService(users);
        return new RecentLogins(passwords, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix().role(ADMIN).implies(OPERATOR).role(OPERATOR).implies(VIEWER).build();
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, SecurityProperties properties, ObjectProvider<JwtDecoder> jwt)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers(HttpMethod.GET, "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                .requestMatchers(HttpMethod.GET, "/sandbox/**").hasAnyRole(VIEWER, SANDBOX_CLIENT)
                .requestMatchers("/sandbox/**").hasAnyRole(OPERATOR, SANDBOX_CLIENT)
                .requestMatchers(HttpMethod.POST, "/api/syncs/*/links/seed", "/api/import", "/api/syncs/*/qa/views").hasRole(ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/export").hasRole(OPERATOR)
                .requestMatchers(HttpMethod.GET, "/api/syncs/*/dead-letters", "/api/syncs/*/preview", "/api/clones/*/comparison", "/api/syncs/*/qa", "/api/qa/*",
                        "/api/syncs/*/records/*", "/api/runs/*/invalid-rows").hasRole(OPERATOR)
                .requestMatchers(HttpMethod.GET, "/api/**").hasRole(VIEWER)
                .requestMatchers("/api/**").hasRole(OPERATOR)
                .anyRequest().hasRole(VIEWER))
                .httpBasic(withDefaults())
                .formLogin(form -> form.permitAll())
                .exceptionHandling(refusal -> refusal.defaultAuthenticationEntryPointFor(basicChallenge(),
                        WebSecurityConfiguration::notAHawtioPage))
                // An API call that is refused is answered, not kept in a session for after a login.
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new BrowserCsrfTokenHandler())
                        // Only a browser session is ridden by another site's page; a call without one logs in by itself.
                        .requireCsrfProtectionMatcher(WebSecurityConfiguration::inBrowserSession))
                .addFilterBefore(new CrossSiteRequestGuard(), CsrfFilter.class);
        if (jwt.getIfAvailable() != null) {
            http.oauth2ResourceServer(server -> server.jwt(decoder -> decoder
                    .jwtAuthenticationConverter(new JwtRoles(properties.rolesClaim()))));
        }
        return http.build();
    }

    /** An API, actuator or sandbox call without a login is answered 401 with a basic challenge (not sent to a login page). */
    private static AuthenticationEntryPoint basicChallenge() {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Writeback");
        return basic;
    }

    /** A person opening Hawtio in a browser is shown the login form instead. */
    private static boolean notAHawtioPage(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/actuator/hawtio");
    }

    private static boolean inBrowserSession(HttpServletRequest request) {
        return request.getRequestedSessionId() != null && !CrossSiteRequestGuard.SAFE_METHODS.contains(request.getMethod());
    }
}
