package io.writeback.source;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The warehouse syncs read from. Unset, it is Writeback's own database (the embedded demo keeps its
 * warehouse tables there).
 */
@ConfigurationProperties("writeback.warehouse")
public record WarehouseProperties(String url, String username, String password, Integer maxConnections) {

    public boolean separate() {
        return url != null && !url.isBlank();
    }

    @Override
    public String toString() {
        return "WarehouseProperties[url=" + url + ", username=" + username + ", password=***]";
    }
}
