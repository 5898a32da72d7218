package io.writeback.connection;

import java.util.List;

/**
 * The defaults of a {@code type: odoo} connection: Odoo's external JSON-2 API (Odoo 19 and later) for any model
 * ({@code res.partner}, {@code product.product}), each call {@code POST /json/2/<model>/<method>} with the
 * method's parameters by name, in the database named by {@code X-Odoo-Database}. Creates go in bulk
 * ({@code create} takes a list of values and answers the new ids in order), deletes too ({@code unlink} takes
 * ids); updates go one record a call, since {@code write} gives every record it names the same values. An
 * object with an {@code id-property} ({@code vat}, {@code email}, {@code ref}) is found by {@code search_read}
 * on it; {@code matchOn} searches many values at once with {@code in}. Ids are numbers; a record deleted in
 * Odoo is answered {@code odoo.exceptions.MissingError}.
 */
final class OdooProfile {

    static final String DATABASE_HEADER = "X-Odoo-Database";
    static final String DEFAULT_VERSION = "19.0";
    private static final String CALL = "/json/2/{object}/";
    private static final List<String> GONE = List.of("odoo.exceptions.MissingError");
    private static final int MAX_BATCH = 100;

    private OdooProfile() {
    }

    /** The endpoints of a model; with {@code idProperty}, lookups search for its value. */
    static ObjectEndpoints object(String idProperty) {
        ObjectEndpoints.Lookup search = idProperty == null ? null : new ObjectEndpoints.Lookup("POST", CALL + "search_read",
                "{\"domain\": [[\"" + idProperty + "\", \"=\", \"{" + idProperty + "}\"]], \"fields\": [\"id\"], \"limit\": 1}",
                "/0/id", List.of(), false);
        BulkEndpoint searchMany = new BulkEndpoint(CALL + "search_read", null, "", "/id", null, MAX_BATCH, null, null, "/{field}",
                null, null, "POST", "{\"domain\": [[\"{field}\", \"in\", {values}]], \"fields\": [\"{field}\"]}", false);
        BulkEndpoint create = new BulkEndpoint(CALL + "create", "vals_list", "", "", null, MAX_BATCH, null, null, null, null,
                null, "POST", null, false);
        BulkEndpoint unlink = new BulkEndpoint(CALL + "unlink", "ids", "", null, null, MAX_BATCH, null, null, null, "", null,
                "POST", null, false, null, null, GONE, true, null, null);
        return new ObjectEndpoints(
                new ObjectEndpoints.Endpoint("POST", CALL + "create", "{\"vals_list\": [{payload}]}"),
                new ObjectEndpoints.Endpoint("POST", CALL + "write", "{\"ids\": [{id}], \"vals\": {payload}}"),
                new ObjectEndpoints.Endpoint("POST", CALL + "unlink", "{\"ids\": [{id}]}"),
                "/0",
                search,
                searchMany,
                null,
                create,
                null,
                unlink,
                null,
                null,
                idProperty,
                false,
                null, null, null, null, null, null, GONE);
    }
}
