package io.writeback.connection;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One named destination under {@code writeback.connections.<name>}.
 *
 * @param baseUrl        absolute URL, or a path such as {@code /sandbox} for this Writeback instance
 * @param auth           how requests authenticate; secrets come from the environment, never from sync files
 * @param headers        sent with every request
 * @param connectTimeout default 10 s
 * @param readTimeout    time allowed for an answer, default 120 s
 * @param maxConnections pooled connections to the destination, default 16
 * @param objects        per-object endpoints; an object not listed uses the REST conventions of {@link ObjectEndpoints}
 * @param idempotencyKeyHeader the header in which the destination accepts an idempotency key for creates,
 *                       if it does: an insert whose answer was lost is then sent again under the same key
 * @param retry          how failed calls are retried (defaults: {@link RetryPolicy#defaults()})
 * @param rateLimit      the calls allowed per interval, for all syncs on this connection together; none by default
 * @param allowedHosts   the hosts requests may go to ({@code *.example.com} for subdomains); by default the
 *                       hosts of the base URL and of the OAuth2 token URL. A host named here (not by a
 *                       wildcard) may have an internal address (loopback, private...): see {@link HostGuard}
 * @param bulkInsert     a bulk create endpoint for every object, with {@code {object}} in its path
 * @param maxInFlight    calls under way at once on this connection, for all syncs together; 1 by default
 * @param type           {@code rest} (default), or a profile's defaults: {@code hubspot} ({@link HubSpotProfile}),
 *                       {@code salesforce} ({@link SalesforceProfile}), {@code pipedrive} ({@link PipedriveProfile}),
 *                       {@code odoo} ({@link OdooProfile}), {@code zendesk} ({@link ZendeskProfile})
 * @param idPointer      where every object's create answer holds the new id, unless the object says ({@code /id} by default)
 * @param resultsPointer where every bulk answer holds its results, unless the endpoint says ({@code /results} by default)
 * @param searchRateLimit a second limit for the calls of lookups marked {@code search} (HubSpot's search
 *                       endpoints allow fewer calls than the rest); none by default
 * @param read           how records are read back by id for QA checks ({@link RecordReads}); HubSpot's batch read
 *                       for {@code type: hubspot}
 * @param apiVersion     the version of the API a profile calls: Salesforce's {@code 62.0} by default; Odoo's server
 *                       version, {@code 19.0} by default (JSON-2; before 19, JSON-RPC)
 * @param usageHeader    an answer header that tells how much of the destination's quota is used, kept for operators
 *                       ({@code Sforce-Limit-Info} on Salesforce); none by default
 * @param plan           the destination's plan, for a profile whose rate limits depend on it (Pipedrive's
 *                       {@code essential} ... {@code enterprise}); a {@code rate-limit} set wins
 * @param retryAfterHeader the header a refused call's answer tells in, in seconds, when to call again, for an API
 *                       that does not send {@code Retry-After} (Pipedrive's {@code x-ratelimit-reset})
 * @param database       the database a profile's calls go to (Odoo's, sent as {@code X-Odoo-Database})
 */
public record ConnectionProperties(String baseUrl, AuthProperties auth, Map<String, String> headers,
        Duration connectTimeout, Duration readTimeout, Integer maxConnections, Map<String, ObjectEndpoints> objects,
        String idempotencyKeyHeader, RetryPolicy retry, RateLimit rateLimit, List<String> allowedHosts,
        BulkEndpoint bulkInsert, BulkEndpoint bulkLookup, Integer maxInFlight, ConnectionType type, String idPointer,
        String resultsPointer, RateLimit searchRateLimit, RecordReads read, String apiVersion, String usageHeader, String plan,
        String retryAfterHeader, String database) {

    /** The host of a base URL that is a bare path: this instance. */
    static final String LOCAL_HOST = "127.0.0.1";

    private static final List<String> WRITE_METHODS = List.of("POST", "PUT", "PATCH");
    private static final List<String> DELETE_METHODS = List.of("DELETE", "POST", "PUT", "PATCH");
    private static final List<String> LOOKUP_METHODS = List.of("GET", "POST");

    public ConnectionProperties {
        auth = auth == null ? AuthProperties.none() : auth;
        headers = headers == null ? Map.of() : headers;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(120) : readTimeout;
        maxConnections = maxConnections == null ? 16 : maxConnections;
        objects = objects == null ? Map.of() : objects;
        retry = retry == null ? RetryPolicy.defaults() : retry;
        maxInFlight = maxInFlight == null ? 1 : maxInFlight;
        type = type == null ? ConnectionType.REST : type;
        allowedHosts = allowedHosts == null ? List.of() : allowedHosts;
        resultsPointer = resultsPointer == null || resultsPointer.isBlank() ? "/results" : resultsPointer;
        if (type == ConnectionType.HUBSPOT) {
            baseUrl = baseUrl == null || baseUrl.isBlank() ? HubSpotProfile.BASE_URL : baseUrl;
            rateLimit = rateLimit == null ? HubSpotProfile.RATE_LIMIT : rateLimit;
            searchRateLimit = searchRateLimit == null ? HubSpotProfile.SEARCH_RATE_LIMIT : searchRateLimit;
            read = read == null ? HubSpotProfile.reads() : read;
        }
        if (type == ConnectionType.PIPEDRIVE) {
            baseUrl = baseUrl == null || baseUrl.isBlank() ? PipedriveProfile.BASE_URL : baseUrl;
            rateLimit = rateLimit == null ? PipedriveProfile.rateLimit(plan, auth.type() == AuthType.BEARER || auth.type() == AuthType.OAUTH2) : rateLimit;
            searchRateLimit = searchRateLimit == null ? PipedriveProfile.SEARCH_RATE_LIMIT : searchRateLimit;
            usageHeader = usageHeader == null ? PipedriveProfile.USAGE_HEADER : usageHeader;
            retryAfterHeader = retryAfterHeader == null ? PipedriveProfile.RESET_HEADER : retryAfterHeader;
        }
        if (type == ConnectionType.ZENDESK) {
            rateLimit = rateLimit == null ? ZendeskProfile.rateLimit(plan) : rateLimit;
        }
        if (type == ConnectionType.ODOO) {
            apiVersion = apiVersion == null || apiVersion.isBlank() ? OdooProfile.DEFAULT_VERSION : apiVersion;
        }
        if (type == ConnectionType.ODOO && database != null && !database.isBlank()) {
            Map<String, String> withDatabase = new java.util.LinkedHashMap<>(headers);
            withDatabase.putIfAbsent(OdooProfile.DATABASE_HEADER, database);
            headers = Map.copyOf(withDatabase);
        }
        if (type == ConnectionType.SALESFORCE) {
            apiVersion = apiVersion == null || apiVersion.isBlank() ? SalesforceProfile.DEFAULT_API_VERSION : apiVersion;
            usageHeader = usageHeader == null ? SalesforceProfile.USAGE_HEADER : usageHeader;
            read = read == null ? SalesforceProfile.reads(apiVersion) : read;
        }
        read = (read == null ? new RecordReads(null, null, null) : read).withBulkPointers(resultsPointer);
    }

    /** Whether calls go as Odoo's JSON-RPC: an Odoo before 19, which has no JSON-2 API. */
    boolean odooJsonRpc() {
        return type == ConnectionType.ODOO && apiVersion.matches("\\d+(\\.\\d+)?") && Double.parseDouble(apiVersion) < 19;
    }

    /** The hosts requests may go to: as configured, else those of the base URL and token URL. */
    List<String> hosts() {
        if (!allowedHosts.isEmpty()) {
            return allowedHosts;
        }
        List<String> hosts = new java.util.ArrayList<>();
        hosts.add(baseUrl != null && baseUrl.startsWith("/") ? LOCAL_HOST : hostOf(baseUrl));
        if (auth.tokenUrl() != null) {
            hosts.add(hostOf(auth.tokenUrl()));
        }
        return hosts;
    }

    /** The hosts that may have internal addresses: those named in allowed-hosts, and this instance for a bare-path base URL. */
    List<String> namedHosts() {
        if (baseUrl != null && baseUrl.startsWith("/")) {
            List<String> named = new java.util.ArrayList<>(allowedHosts);
            named.add(LOCAL_HOST);
            return named;
        }
        return allowedHosts;
    }

    private static String hostOf(String url) {
        try {
            return java.net.URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public ObjectEndpoints object(String name) {
        ObjectEndpoints own = objects.getOrDefault(name, ObjectEndpoints.conventional());
        ObjectEndpoints connectionWide = switch (type) {
            case HUBSPOT -> HubSpotProfile.object(own.idProperty());
            case SALESFORCE -> SalesforceProfile.object(apiVersion, own.idProperty());
            case PIPEDRIVE -> PipedriveProfile.object(own.idProperty());
            case ODOO -> OdooProfile.object(own.idProperty());
            case ZENDESK -> ZendeskProfile.object(name, own.idProperty());
            case REST -> new ObjectEndpoints(null, null, null, idPointer, null, bulkLookup, null, bulkInsert, null, null, null, null,
                    null, null, null, null, null, null, null, null, null);
        };
        ObjectEndpoints endpoints = own.withDefaults(connectionWide).withBulkPointers(resultsPointer);
        return type == ConnectionType.HUBSPOT ? endpoints.withAssociationPath(HubSpotProfile.ASSOCIATIONS) : endpoints;
    }

    /** Sentences for every setting that cannot work, each starting with the connection's name. */
    public List<String> problems(String name) {
        List<String> problems = new java.util.ArrayList<>();
        if (baseUrl == null || baseUrl.isBlank()) {
            problems.add("connection '" + name + "' needs base-url" + switch (type) {
                case SALESFORCE -> ": the org's My Domain URL, such as https://acme.my.salesforce.com";
                case ZENDESK -> ": the account's URL, such as https://acme.zendesk.com";
                default -> "";
            });
        } else if (!baseUrl.startsWith("/") && !baseUrl.matches("(?i)https?://.+")) {
            problems.add("connection '" + name + "' base-url must start with http://, https:// or / (this instance), not '"
                    + baseUrl + "'");
        }
        auth.problems().forEach(p -> problems.add("connection '" + name + "' " + p));
        if (baseUrl != null && baseUrl.matches("(?i)https?://.+") && hostOf(baseUrl) == null) {
            problems.add("connection '" + name + "' base-url '" + baseUrl + "' has no host that can be read");
        } else if (baseUrl != null && baseUrl.matches("(?i)https?://.+") && !allowedHosts.isEmpty()
                && !new HostGuard(name, allowedHosts, List.of()).onList(hostOf(baseUrl))) {
            problems.add("connection '" + name + "' base-url host " + hostOf(baseUrl) + " is not in its allowed-hosts " + allowedHosts);
        }
        if (apiVersion != null && !apiVersion.matches("\\d+\\.\\d+")) {
            problems.add("connection '" + name + "' api-version must be a version number such as "
                    + SalesforceProfile.DEFAULT_API_VERSION + ", not '" + apiVersion + "'");
        }
        if (type == ConnectionType.ODOO) {
            odooProblems(name, problems);
        }
        List<String> plans = switch (type) {
            case PIPEDRIVE -> PipedriveProfile.plans();
            case ZENDESK -> ZendeskProfile.plans();
            default -> List.of();
        };
        if (plan != null && !plans.isEmpty() && !plans.contains(plan.toLowerCase(java.util.Locale.ROOT))) {
            problems.add("connection '" + name + "' plan must be one of " + plans + ", not '" + plan + "'");
        }
        if (rateLimit != null && (rateLimit.requests() < 1 || rateLimit.per() == null || rateLimit.per().isNegative()
                || rateLimit.per().isZero())) {
            problems.add("connection '" + name + "' rate-limit needs requests of at least 1 and a positive per");
        }
        if (maxInFlight < 1 || maxInFlight > maxConnections) {
            problems.add("connection '" + name + "' max-in-flight must be between 1 and max-connections (" + maxConnections
                    + "), not " + maxInFlight);
        }
        if (retry.maxAttempts() < 1) {
            problems.add("connection '" + name + "' retry.max-attempts must be at least 1");
        }
        objects.forEach((object, endpoints) -> {
            String prefix = "connection '" + name + "' objects." + object + ".";
            if (endpoints.bulkLookup() != null && (endpoints.bulkLookup().matchPointer() == null
                    || endpoints.bulkLookup().matchPointer().isBlank())) {
                problems.add(prefix + "bulk-lookup needs match-pointer: where a result holds the value it was found by");
            }
            checkMethod(prefix + "insert", endpoints.insert(), WRITE_METHODS, problems);
            checkMethod(prefix + "update", endpoints.update(), WRITE_METHODS, problems);
            checkMethod(prefix + "delete", endpoints.delete(), DELETE_METHODS, problems);
            if (endpoints.lookup() != null && !LOOKUP_METHODS.contains(endpoints.lookup().method().toUpperCase())) {
                problems.add(prefix + "lookup.method must be one of " + LOOKUP_METHODS + ", not '" + endpoints.lookup().method() + "'");
            }
            checkPointer(prefix + "id-pointer", endpoints.idPointer(), problems);
            if (endpoints.associations() != null) {
                endpoints.associations().forEach((field, association) -> {
                    if (association.to() == null || association.typeId() == null
                            || (type != ConnectionType.HUBSPOT && association.path() == null)) {
                        problems.add(prefix + "associations." + field + " needs to and type-id"
                                + (type == ConnectionType.HUBSPOT ? "" : ", and path"));
                    }
                });
            }
            checkPointer(prefix + "updated-pointer", endpoints.updatedPointer(), problems);
            if (endpoints.lookup() != null) {
                checkPointer(prefix + "lookup.id-pointer", endpoints.lookup().idPointer(), problems);
            }
        });
        return problems;
    }

    /** Odoo needs its database, and the kind of credentials its protocol carries. */
    private void odooProblems(String name, List<String> problems) {
        if (database == null || database.isBlank()) {
            problems.add("connection '" + name + "' needs database: the name of the Odoo database");
        }
        AuthType needed = odooJsonRpc() ? AuthType.BASIC : AuthType.BEARER;
        if (auth.type() != needed) {
            problems.add("connection '" + name + "' auth.type must be " + needed.name().toLowerCase() + " for Odoo " + apiVersion
                    + (odooJsonRpc() ? " (JSON-RPC: auth.username, and the API key as auth.password)" : " (JSON-2: the API key as auth.token)"));
        }
    }

    private static void checkMethod(String setting, ObjectEndpoints.Endpoint endpoint, List<String> allowed, List<String> problems) {
        if (endpoint != null && (endpoint.method() == null || !allowed.contains(endpoint.method().toUpperCase()))) {
            problems.add(setting + ".method must be one of " + allowed + ", not '" + endpoint.method() + "'");
        }
        if (endpoint != null && (endpoint.path() == null || endpoint.path().isBlank())) {
            problems.add(setting + " needs path");
        }
    }

    /** A JSON pointer is empty (the whole answer) or starts with a slash: "/data/id", never "data.id". */
    private static void checkPointer(String setting, String pointer, List<String> problems) {
        if (pointer != null && !pointer.isEmpty() && !pointer.startsWith("/")) {
            problems.add(setting + " must be a JSON pointer such as /data/id, not '" + pointer + "'");
        }
    }
}
