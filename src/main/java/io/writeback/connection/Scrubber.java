package io.writeback.connection;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Removes credentials from a text before it is cut, stored, logged or served: each secret in every form a
 * destination may echo it (as is, URL-encoded, JSON-escaped, inside a basic login's Base64), and the value
 * of any header that carries credentials, whatever it holds.
 */
final class Scrubber {

    static final String MASK = "***";

    private static final List<String> CREDENTIAL_HEADERS = List.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-api-key");

    private final List<String> forms;
    private final List<String> headerNames;
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
        List<String> names = new ArrayList<>(CREDENTIAL_HEADERS);
        if (keyHeader != null) {
            names.add(keyHeader);
        }
        this.headerNames = names;
        String headers = names.stream().map(Pattern::quote).collect(Collectors.joining("|"));
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
        if (!namesAHeader(scrubbed)) {
            return scrubbed;
        }
        Matcher header = headerValues.matcher(scrubbed);
        return header.find() ? header.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK)) : scrubbed;
    }

    /**
     * Whether a credential header's name is anywhere in {@code text}, in any case: a search for each name, many
     * times faster than the header pattern over a large body (a bulk call's), which then only runs when it may match.
     */
    private boolean namesAHeader(String text) {
        for (String name : headerNames) {
            if (containsIgnoringCase(text, name, Character.toLowerCase(name.charAt(0)))
                    || containsIgnoringCase(text, name, Character.toUpperCase(name.charAt(0)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsIgnoringCase(String text, String name, char first) {
        for (int at = text.indexOf(first); at >= 0; at = text.indexOf(first, at + 1)) {
            if (text.regionMatches(true, at, name, 0, name.length())) {
                return true;
            }
        }
        return false;
    }

    private static String jsonEscaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
