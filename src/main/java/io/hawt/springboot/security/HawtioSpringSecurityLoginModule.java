package io.hawt.springboot.security;

import io.hawt.web.auth.RolePrincipal;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.spi.LoginModule;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The login module Hawtio's Spring Boot listener looks up by this name to hand authentication to
 * Spring Security. Hawtio 4.3.0's jar does not ship it: without it Hawtio silently falls back to its
 * own JAAS login, which knows none of Writeback's users. With it, Hawtio trusts the user Spring
 * Security logged in, and this module gives Hawtio that user's roles (without the {@code ROLE_} prefix).
 */
public class HawtioSpringSecurityLoginModule implements LoginModule {

    private Subject subject;

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler,
                           Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
    }

    @Override
    public boolean login() {
        return true;
    }

    @Override
    public boolean commit() {
        List<Principal> roles = subject.getPrincipals(Authentication.class).stream()
                .flatMap(authentication -> authentication.getAuthorities().stream())
                .map(GrantedAuthority::getAuthority)
                .map(authority -> authority.startsWith("ROLE_") ? authority.substring(5) : authority)
                .<Principal>map(RolePrincipal::new)
                .toList();
        subject.getPrincipals().addAll(roles);
        return true;
    }

    @Override
    public boolean abort() {
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeIf(RolePrincipal.class::isInstance);
        return true;
    }
}
