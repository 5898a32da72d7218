package io.writeback.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtRolesTest {

    @Test
    void theRolesClaimGivesWritebacksRolesAndNothingElse() {
        Jwt listed = jwt("roles", List.of("operator", "Viewer", "superuser"));
        Jwt spaced = jwt("roles", "admin, viewer");

        assertThat(new JwtRoles("roles").convert(listed).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_OPERATOR", "ROLE_VIEWER");
        assertThat(new JwtRoles("roles").convert(spaced).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_ADMIN", "ROLE_VIEWER");
        assertThat(new JwtRoles("other").convert(listed).getAuthorities()).isEmpty();
        assertThat(new JwtRoles("roles").convert(listed).getName()).isEqualTo("ann");
    }

    private static Jwt jwt(String claim, Object value) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("ann").claim(claim, value)
                .issuedAt(Instant.parse("2026-01-01T00:00:00Z")).build();
    }
}
