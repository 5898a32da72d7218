package io.writeback.jmx;

import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who calls an MBean operation, and its refusals as JMX clients can read them. Through Jolokia (Hawtio)
 * the caller is the Spring Security login, whose role the access policy checked; a local JMX client has
 * none, and is named {@code jmx}.
 */
final class Operators {

    private Operators() {
    }

    static String current() {
        Authentication login = SecurityContextHolder.getContext().getAuthentication();
        return login == null || !login.isAuthenticated() ? "jmx" : login.getName();
    }

    /**
     * The operation's result; a refusal (paused, running, unknown) becomes an IllegalStateException with
     * the same sentence, a type every JMX client knows.
     */
    static <T> T refusing(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (RuntimeException e) {
            throw new IllegalStateException(e.getMessage());
        }
    }
}
