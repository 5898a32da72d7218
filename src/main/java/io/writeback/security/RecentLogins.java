package io.writeback.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Remembers for a short while the user name and password pairs that passed the password check: a bcrypt
 * check costs about a tenth of a second of CPU, and an API client (a script polling a run, a monitor)
 * logs in with every call. Only a SHA-256 of each pair is kept, never a password; a wrong password is
 * never remembered, and at most {@link #KEPT} pairs are.
 */
final class RecentLogins implements AuthenticationProvider {

    static final Duration KEEP = Duration.ofMinutes(1);
    static final int KEPT = 1_000;

    private final AuthenticationProvider passwords;
    private final Clock clock;
    private final Map<String, Remembered> passed = new ConcurrentHashMap<>();

    private record Remembered(Authentication authentication, Instant until) {
    }

    RecentLogins(AuthenticationProvider passwords, Clock clock) {
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication login) {
        if (!(login instanceof UsernamePasswordAuthenticationToken) || login.getCredentials() == null) {
            return passwords.authenticate(login);
        }
        String pair = digest(login.getName(), login.getCredentials().toString());
        Instant now = clock.instant();
        Remembered remembered = passed.get(pair);
        if (remembered != null && now.isBefore(remembered.until())) {
            return remembered.authentication();
        }
        Authentication authenticated = passwords.authenticate(login);
        if (authenticated != null && authenticated.isAuthenticated()) {
            if (passed.size() >= KEPT) {
                passed.values().removeIf(old -> !now.isBefore(old.until()));
                if (passed.size() >= KEPT) {
                    passed.clear();
                }
            }
            passed.put(pair, new Remembered(authenticated, now.plus(KEEP)));
        }
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }

    private static String digest(String user, String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(user.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            return HexFormat.of().formatHex(sha256.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
