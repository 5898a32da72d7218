package io.writeback.connection;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from a text before it is cut, stored, logged or served: each secret in every form a
 * destination may echo it (as is, URL-encoded, JSON-escaped, inside a basic login's Base64), and the value
 * of any header that carries credentials, whatever it holds.
 */
final class Scrubber {

    static final String MASK = "***";

    private static final String CREDENTIAL_HEADERS = "authorization|proxy-authorization|cookie|set-cookie|x-api-key";

    private final List<String> forms;
    private final Pattern headerValues;

    /**
     * @param secrets       the credentials as they are now
     * @param basicUsername the user of a basic login, whose {@code user:password} Base64 is a secret too; or null
     * @param keyHeader     the header that carries an API key, or null
     */
    Scrubber(List<String> secrets, String basicUsername, String keyHeader) {
        Set<String> all = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret == null || secret.isBlank()) {
                continue;
            }
            all.add(secret);
            all.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            all.add(jsonEscaped(secret));
            all.add(jsonEscaped(secret).replace("/", "\\/"));
            all.add(base64(secret));
            if (basicUsername != null) {
                all.add(base64(basicUsername + ":" + secret));
            }
        }
        // Longest first, so that a form containing another is masked whole.
        this.forms = all.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        String headers = keyHeader == null ? CREDENTIAL_HEADERS : CREDENTIAL_HEADERS + "|" + Pattern.quote(keyHeader);
        this.headerValues = Pattern.compile("(?i)(\"?\\b(?:" + headers + ")\"?\\s*[:=]\\s*\\[?\\s*\"?)([^\"\\r\\n]+)");
    }

    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String scrubbed = text;
        for (String form : forms) {
            scrubbed = scrubbed.replace(form, MASK);
        }
        Matcher header = headerValues.matcher(scrubbed);
        return header.find() ? header.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK)) : scrubbed;
    }

    private static String jsonEscaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
