package io.writeback.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.writeback.support.ControlledTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** A login that passed is not checked again for a minute; a refused one always is. */
class RecentLoginsTest {

    private final ControlledTime time = new ControlledTime(Instant.parse("2026-11-30T10:00:00Z"));
    private final AtomicInteger checks = new AtomicInteger();
    private final RecentLogins logins = new RecentLogins(counted(), time);

    @Test
    void aPairThatPassedIsTrustedForAMinuteThenCheckedAgain() {
        assertThat(logins.authenticate(login("ops", "right")).isAuthenticated()).isTrue();
        assertThat(logins.authenticate(login("ops", "right")).getName()).isEqualTo("ops");
        assertThat(checks).hasValue(1);

        time.waitFor(RecentLogins.KEEP);
        assertThat(logins.authenticate(login("ops", "right")).isAuthenticated()).isTrue();
        assertThat(checks).hasValue(2);
    }

    @Test
    void aWrongPasswordIsCheckedAndRefusedEveryTimeEvenAfterTheRightOne() {
        logins.authenticate(login("ops", "right"));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> logins.authenticate(login("ops", "wrong"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> logins.authenticate(login("nobody", "right"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(5);
    }

    @Test
    void theRolesAreThoseOfTheCheckedLogin() {
        Authentication first = logins.authenticate(login("ops", "right"));
        time.waitFor(Duration.ofSeconds(30));
        assertThat(logins.authenticate(login("ops", "right")).getAuthorities()).isEqualTo(first.getAuthorities())
                .extracting(Object::toString).containsExactly("ROLE_OPERATOR");
    }

    private static UsernamePasswordAuthenticationToken login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    private AuthenticationProvider counted() {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
                User.withUsername("ops").password("{noop}right").roles("OPERATOR").build()));
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                checks.incrementAndGet();
                return passwords.authenticate(authentication);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return passwords.supports(authentication);
            }
        };
    }
}
