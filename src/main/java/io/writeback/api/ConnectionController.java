package io.writeback.api;

import io.writeback.connection.Connections;
import io.writeback.sync.ConnectionVersions;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Connections at runtime: rotating their credentials without a restart, and the history of their settings. */
@RestController
@RequestMapping("/api/connections/{name}")
class ConnectionController {

    private final Connections connections;
    private final ConnectionVersions versions;

    ConnectionController(Connections connections, ConnectionVersions versions) {
        this.connections = connections;
        this.versions = versions;
    }

    /** The versions of the connection's settings, newest first, without secrets. */
    @GetMapping("/versions")
    List<ConnectionVersions.Version> versions(@PathVariable String name) {
        if (!connections.exists(name)) {
            throw new NotFoundException("no connection named '" + name + "'");
        }
        return versions.of(name);
    }

    /** Reads the connection's credential files again and drops its OAuth2 token; the next call uses the new ones. */
    @PostMapping("/reload")
    Map<String, Object> reload(@PathVariable String name) {
        if (!connections.exists(name)) {
            throw new NotFoundException("no connection named '" + name + "'");
        }
        connections.reload(name);
        return Map.of("connection", name, "reloaded", true);
    }
}
