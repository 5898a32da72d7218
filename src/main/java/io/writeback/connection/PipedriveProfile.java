package io.writeback.connection;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The defaults of a {@code type: pipedrive} connection: Pipedrive's API v2 for persons, organizations, deals and
 * products, one record a call (Pipedrive has no bulk writes), answers under {@code data}. An object with an
 * {@code id-property} ({@code emails.0.value}, {@code name}, a custom field's key) is found by Pipedrive's search
 * for that field with an exact match, which recovers a lost create and serves {@code matchOn}. The rate limit is
 * the one Pipedrive documents for the connection's {@code plan} and kind of token, searches having their own.
 */
final class PipedriveProfile {

    static final String BASE_URL = "https://api.pipedrive.com";
    /** A 429 tells in this header how many seconds are left in the window. */
    static final String RESET_HEADER = "x-ratelimit-reset";
    static final String USAGE_HEADER = "x-daily-requests-left";
    private static final Duration WINDOW = Duration.ofSeconds(2);
    private static final String OBJECTS = "/api/v2/{object}";
    /** Requests per 2 s per API token, and per OAuth access token, by plan. */
    private static final Map<String, int[]> PLANS = Map.of("essential", new int[] {20, 80}, "advanced", new int[] {40, 160},
            "professional", new int[] {80, 320}, "power", new int[] {100, 400}, "enterprise", new int[] {120, 480});
    static final RateLimit SEARCH_RATE_LIMIT = new RateLimit(10, WINDOW);

    private PipedriveProfile() {
    }

    /** The documented plans, for the problem a plan not among them makes. */
    static List<String> plans() {
        return List.of("essential", "advanced", "professional", "power", "enterprise");
    }

    /** The limit of {@code plan} (essential by default), for an API token or, with {@code oauth}, an OAuth access token. */
    static RateLimit rateLimit(String plan, boolean oauth) {
        int[] limits = PLANS.getOrDefault(plan == null ? "essential" : plan.toLowerCase(Locale.ROOT), PLANS.get("essential"));
        return new RateLimit(limits[oauth ? 1 : 0], WINDOW);
    }

    /** The endpoints of an object; with {@code idProperty}, lookups search Pipedrive for its value. */
    static ObjectEndpoints object(String idProperty) {
        ObjectEndpoints.Lookup search = idProperty == null ? null : new ObjectEndpoints.Lookup("GET", OBJECTS + "/search?term={"
                + idProperty + "}&fields=" + searchField(idProperty) + "&exact_match=true", null, "/data/items/0/item/id",
                List.of(), true);
        return new ObjectEndpoints(
                new ObjectEndpoints.Endpoint("POST", OBJECTS),
                new ObjectEndpoints.Endpoint("PATCH", OBJECTS + "/{id}"),
                new ObjectEndpoints.Endpoint("DELETE", OBJECTS + "/{id}"),
                "/data/id",
                search,
                null, null, null, null, null, null, null,
                idProperty,
                false,
                null, null, null, null, null, true, null);
    }

    /**
     * The search field that holds a value at {@code idProperty}: a person's {@code emails.0.value} is searched as
     * {@code email}, a custom field's ({@code custom_fields.<key>}) as {@code custom_fields}.
     */
    static String searchField(String idProperty) {
        String first = idProperty.split("\\.")[0];
        return switch (first) {
            case "emails" -> "email";
            case "phones" -> "phone";
            default -> first;
        };
    }
}
