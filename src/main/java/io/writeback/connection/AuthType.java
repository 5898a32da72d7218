package io.writeback.connection;

/** How a connection authenticates its requests. */
public enum AuthType {
    NONE, BEARER, BASIC, API_KEY, OAUTH2
}
