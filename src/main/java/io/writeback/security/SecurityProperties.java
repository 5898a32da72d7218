package io.writeback.security;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may log in, under {@code writeback.security}.
 *
 * @param users             name to password and roles; empty: an {@code admin} with a generated password
 * @param adminPasswordFile where the generated admin's password is kept (owner-only); default {@code data/admin-password}
 * @param rolesClaim        the claim of a JWT that lists its roles (single sign-on); default {@code roles}
 */
@ConfigurationProperties("writeback.security")
public record SecurityProperties(Map<String, User> users, Path adminPasswordFile, String rolesClaim) {

    public SecurityProperties {
        users = users == null ? Map.of() : users;
        adminPasswordFile = adminPasswordFile == null ? Path.of("data", "admin-password") : adminPasswordFile;
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
    }

    /**
     * One user.
     *
     * @param password in Spring's encoded form: {@code {bcrypt}$2a$...}, or {@code {noop}text} (warned about)
     * @param roles    {@code viewer}, {@code operator}, {@code admin}
     */
    public record User(String password, List<String> roles) {

        public User {
            roles = roles == null ? List.of() : roles;
        }
    }
}
