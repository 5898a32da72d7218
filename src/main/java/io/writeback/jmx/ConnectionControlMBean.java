package io.writeback.jmx;

/** One connection in JMX ({@code io.writeback:type=Connection,name=<connection>}); nothing of its credentials shows. */
public interface ConnectionControlMBean {

    /** Calls in the current window against the rate limit, and any pause a 429 asked for. */
    String getRateLimitState();

    int getMaxInFlight();

    /** Reads the credential files again and drops any OAuth2 token. */
    String reloadCredentials();
}
