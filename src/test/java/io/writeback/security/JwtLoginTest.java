package io.writeback.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.writeback.support.RunsApi;
import io.writeback.support.WritebackIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Single sign-on through the running application: bearer tokens signed with the key whose public half
 * the test configuration names ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}).
 */
class JwtLoginTest extends WritebackIntegrationTest {

    private static final Instant NOW = Instant.now();

    @Test
    void aTokensRolesClaimDecidesWhatItsUserMayDo() throws Exception {
        String viewer = token(trustedKey(), claims("ana").claim("roles", List.of("viewer")));
        assertThat(get("/api/syncs", viewer)).isEqualTo(HttpStatus.OK);
        assertThat(post("/api/syncs/companies/runs", viewer)).isEqualTo(HttpStatus.FORBIDDEN);

        String operator = token(trustedKey(), claims("ben").claim("roles", "operator"));
        assertThat(post("/api/syncs/companies/runs", operator)).isEqualTo(HttpStatus.ACCEPTED);
        new RunsApi(http).awaitEnd(jdbc.queryForObject("SELECT max(id) FROM writeback.runs", Long.class));
        assertThat(post("/api/syncs/companies/links/seed", operator)).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aTokenWithoutAKnownRoleMayDoNothing() throws Exception {
        assertThat(get("/api/syncs", token(trustedKey(), claims("cleo")))).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/api/syncs", token(trustedKey(), claims("dan").claim("roles", List.of("superuser")))))
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anExpiredOrForeignTokenIsRefused() throws Exception {
        JWTClaimsSet.Builder expired = claims("eve").claim("roles", List.of("admin"))
                .issueTime(Date.from(NOW.minus(Duration.ofHours(2))))
                .expirationTime(Date.from(NOW.minus(Duration.ofHours(1))));
        assertThat(get("/api/syncs", token(trustedKey(), expired))).isEqualTo(HttpStatus.UNAUTHORIZED);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey foreignKey = generator.generateKeyPair().getPrivate();
        String forged = token(foreignKey, claims("mallory").claim("roles", List.of("admin")));
        assertThat(get("/api/syncs", forged)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM writeback.runs", Long.class)).isZero();
    }

    private static JWTClaimsSet.Builder claims(String subject) {
        return new JWTClaimsSet.Builder().subject(subject).issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plus(Duration.ofHours(1))));
    }

    private static String token(PrivateKey key, JWTClaimsSet.Builder claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static PrivateKey trustedKey() throws IOException, GeneralSecurityException {
        String pem = new ClassPathResource("security/sso-test-private.pem").getContentAsString(StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private HttpStatusCode get(String path, String token) {
        return anonymous.exchange(path, HttpMethod.GET, new HttpEntity<>(bearer(token)), String.class).getStatusCode();
    }

    private HttpStatusCode post(String path, String token) {
        HttpHeaders headers = bearer(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return anonymous.exchange(path, HttpMethod.POST, new HttpEntity<>("{}", headers), String.class).getStatusCode();
    }

    private static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return headers;
    }
}
