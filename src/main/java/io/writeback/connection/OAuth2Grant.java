package io.writeback.connection;

/** How an OAuth2 connection gets its access token. */
public enum OAuth2Grant {
    /** With its client id and secret. */
    CLIENT_CREDENTIALS,
    /** With a JWT it signs with its private key (RFC 7523), naming the user it acts for. */
    JWT_BEARER,
    /**
     * With a refresh token an app was given when a user authorized it (OAuth apps such as Pipedrive's), the client
     * authenticating with its id and secret; a new refresh token in the answer replaces it.
     */
    REFRESH_TOKEN
}
