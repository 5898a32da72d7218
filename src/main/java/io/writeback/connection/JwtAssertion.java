package io.writeback.connection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The JWT an OAuth2 jwt-bearer grant sends as its assertion (RFC 7523): issued by the client, for the user it
 * acts as, to the token endpoint's audience, valid for three minutes, signed RS256 with a PKCS#8 PEM key.
 */
final class JwtAssertion {

    private static final Duration LIFE = Duration.ofMinutes(3);
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private JwtAssertion() {
    }

    static String signed(String issuer, String subject, String audience, Instant now, String privateKeyPem) {
        String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String claims = encode("{\"iss\":" + quoted(issuer) + ",\"sub\":" + quoted(subject) + ",\"aud\":" + quoted(audience)
                + ",\"exp\":" + now.plus(LIFE).getEpochSecond() + "}");
        String signingInput = header + "." + claims;
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey(privateKeyPem));
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JWT assertion cannot be signed: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new GeneralSecurityException("the private key is PKCS#1 (BEGIN RSA PRIVATE KEY); convert it to PKCS#8 with "
                    + "openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("the private key is not a PEM key (BEGIN PRIVATE KEY)", e);
        }
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String quoted(String text) {
        return "\"" + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}
