package io.writeback.destination;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps a connection to the hosts it is meant for: only hosts on its allow-list, and never a
 * link-local address (where cloud metadata services answer) unless the connection allows it.
 */
final class HostGuard {

    private final String connection;
    private final List<String> allowedHosts;
    private final boolean allowLinkLocal;

    /** @param allowedHosts exact host names, or {@code *.example.com} for its subdomains */
    HostGuard(String connection, List<String> allowedHosts, boolean allowLinkLocal) {
        this.connection = connection;
        this.allowedHosts = allowedHosts.stream().map(host -> host.toLowerCase(Locale.ROOT)).toList();
        this.allowLinkLocal = allowLinkLocal;
    }

    /** Why a request to {@code url} is refused, or empty when it may go. */
    Optional<String> refusal(String url) {
        String host = URI.create(url).getHost();
        if (host == null) {
            return Optional.of("connection '" + connection + "' refuses " + url + ": it has no host");
        }
        String name = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        if (!allowed(name)) {
            return Optional.of("connection '" + connection + "' refuses host " + name + ": not in its allowed hosts "
                    + allowedHosts);
        }
        if (!allowLinkLocal && linkLocal(name)) {
            return Optional.of("connection '" + connection + "' refuses host " + name
                    + ": it is a link-local address, where cloud metadata services answer (set allow-link-local if meant)");
        }
        return Optional.empty();
    }

    private boolean allowed(String host) {
        return allowedHosts.stream().anyMatch(allowed -> allowed.startsWith("*.")
                ? host.endsWith(allowed.substring(1)) : host.equals(allowed));
    }

    private static boolean linkLocal(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (address.isLinkLocalAddress() || address.getHostAddress().equalsIgnoreCase("fd00:ec2:0:0:0:0:0:254")) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException unresolvable) {
            return false;
        }
    }
}
