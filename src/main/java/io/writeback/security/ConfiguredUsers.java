package io.writeback.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The users of {@code writeback.security.users}; with none configured, one {@code admin} whose generated
 * password is kept in the admin password file, so that the first start needs no setup and is not open.
 */
final class ConfiguredUsers {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredUsers.class);

    static final String GENERATED_ADMIN = "admin";
    static final String SANDBOX_CLIENT = "writeback-sandbox";

    private ConfiguredUsers() {
    }

    /**
     * @param sandboxClientPassword the password Writeback's own sandbox connection logs in with
     * @throws IllegalStateException naming the user and the setting that is wrong
     */
    static InMemoryUserDetailsManager of(SecurityProperties properties, String sandboxClientPassword) {
        List<UserDetails> users = new ArrayList<>();
        if (properties.users().isEmpty()) {
            users.add(generatedAdmin(properties));
        }
        properties.users().forEach((name, user) -> users.add(configured(name, user)));
        users.add(User.withUsername(SANDBOX_CLIENT).password("{noop}" + sandboxClientPassword)
                .roles(Role.SANDBOX_CLIENT.name()).build());
        return new InMemoryUserDetailsManager(users);
    }

    private static UserDetails configured(String name, SecurityProperties.User user) {
        String setting = "writeback.security.users." + name;
        if (name.equals(SANDBOX_CLIENT)) {
            throw new IllegalStateException(setting + ": the name '" + SANDBOX_CLIENT + "' is Writeback's own");
        }
        String password = user.password();
        if (password == null || password.isBlank()) {
            throw new IllegalStateException(setting + ".password is missing");
        }
        if (!password.matches("\\{[a-z0-9_-]+}.+")) {
            throw new IllegalStateException(setting + ".password must be encoded, as {bcrypt}$2a$10$... "
                    + "(htpasswd -bnBC 10 '' <password> | tr -d ':') or, for trials only, {noop}<password>");
        }
        if (password.startsWith("{noop}")) {
            log.warn("{}.password is stored in clear ({noop}); use {bcrypt} outside trials", setting);
        }
        if (user.roles().isEmpty()) {
            throw new IllegalStateException(setting + ".roles is missing: give viewer, operator or admin");
        }
        List<String> roles = new ArrayList<>();
        for (String role : user.roles()) {
            roles.add(Role.ofConfigName(role).orElseThrow(() -> new IllegalStateException(setting + ".roles: unknown role '"
                    + role + "' (roles are viewer, operator, admin)")).name());
        }
        return User.withUsername(name).password(password).roles(roles.toArray(String[]::new)).build();
    }

    private static UserDetails generatedAdmin(SecurityProperties properties) {
        try {
            String password = OwnerOnlyFile.secret(properties.adminPasswordFile());
            log.info("No users configured (writeback.security.users): log in as '{}' with the password in {}",
                    GENERATED_ADMIN, properties.adminPasswordFile().toAbsolutePath());
            return User.withUsername(GENERATED_ADMIN).password("{noop}" + password).roles(Role.ADMIN.name()).build();
        } catch (IOException e) {
            throw new UncheckedIOException("the admin password file " + properties.adminPasswordFile() + " cannot be used", e);
        }
    }
}
