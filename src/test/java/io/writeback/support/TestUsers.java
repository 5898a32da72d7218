package io.writeback.support;

import org.springframework.boot.test.web.client.TestRestTemplate;

/** The users every test application has (src/test/resources/config/application.yml), one per role. */
public enum TestUsers {
    ADMIN, OPERATOR, VIEWER;

    public String username() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String password() {
        return username() + "-test-password";
    }

    /** {@code rest} logged in as this user. */
    public TestRestTemplate on(TestRestTemplate rest) {
        return rest.withBasicAuth(username(), password());
    }
}
