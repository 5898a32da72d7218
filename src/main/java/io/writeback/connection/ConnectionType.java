package io.writeback.connection;

/** What a connection talks to: a REST API described in full by its settings, or a known API with a profile. */
public enum ConnectionType {
    REST, HUBSPOT, SALESFORCE, PIPEDRIVE, ODOO, ZENDESK
}
