package io.writeback.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a user may do. Each role includes the ones below it: an admin is an operator, an operator a viewer.
 */
public enum Role {
    /** Reads syncs, runs, health and metrics; Hawtio and Jolokia read-only. */
    VIEWER,
    /** Runs, resyncs, replays, resolves, reloads credentials; starts and stops routes and Writeback's operations in JMX. */
    OPERATOR,
    /** Seeds link tables. */
    ADMIN,
    /** Writeback's own client of the sandbox destination: the sandbox and nothing else. */
    SANDBOX_CLIENT;

    /** The role as configured and as a JWT's roles claim names it: {@code viewer}, {@code operator}, {@code admin}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A configured role name; the sandbox client's role cannot be given to a user. */
    static Optional<Role> ofConfigName(String name) {
        for (Role role : new Role[] {VIEWER, OPERATOR, ADMIN}) {
            if (role.configName().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
