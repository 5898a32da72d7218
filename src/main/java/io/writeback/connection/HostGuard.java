package io.writeback.connection;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Keeps a connection to the hosts it is meant for. A request goes only to a host on the connection's
 * list; and its name is resolved once, here, as the HTTP client's resolver: the client connects to
 * exactly the addresses checked. Internal addresses (loopback, private, link-local, unique-local, shared,
 * the clouds' metadata addresses) are refused unless the connection's {@code allowed-hosts} names the
 * host itself, so that neither a DNS answer nor a wildcard can point a connection inside the network.
 */
final class HostGuard implements DnsResolver {

    private final String connection;
    private final List<String> hosts;
    private final List<String> namedInternal;

    /**
     * @param hosts         the hosts requests may go to: exact names, or {@code *.example.com} for its subdomains
     * @param namedHosts    the hosts the connection names itself (in {@code allowed-hosts}, not by a wildcard): they may be internal
     */
    HostGuard(String connection, List<String> hosts, List<String> namedHosts) {
        this.connection = connection;
        this.hosts = hosts.stream().map(HostGuard::normalised).toList();
        this.namedInternal = namedHosts.stream().filter(host -> !host.startsWith("*.")).map(HostGuard::normalised).toList();
    }

    /** Why a request to {@code url} is refused, or empty when it may go (its name's addresses are checked at connect). */
    Optional<String> refusal(String url) {
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException unreadable) {
            host = null;
        }
        if (host == null) {
            return Optional.of("connection '" + connection + "' refuses " + url + ": it has no host that can be read");
        }
        String name = normalised(host);
        if (!onList(name)) {
            return Optional.of("connection '" + connection + "' refuses host " + name + ": not in its allowed hosts " + hosts);
        }
        if (isLiteral(name)) {
            try {
                check(name, InetAddress.getByName(name));
            } catch (UnknownHostException refused) {
                return Optional.of(refused.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The addresses the client may connect to for {@code host}: resolved once, each checked. */
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String name = normalised(host);
        if (!onList(name)) {
            throw new RefusedHostException("connection '" + connection + "' refuses host " + name + ": not in its allowed hosts "
                    + hosts);
        }
        InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(name);
        for (InetAddress address : addresses) {
            check(name, address);
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }

    private void check(String name, InetAddress address) throws RefusedHostException {
        Optional<String> internal = internalKind(address);
        if (internal.isPresent() && !namedInternal.contains(name)) {
            throw new RefusedHostException("connection '" + connection + "' refuses host " + name + " ("
                    + address.getHostAddress() + "): it is " + internal.get() + "; name the host in the connection's "
                    + "allowed-hosts if it is meant");
        }
    }

    /** What kind of internal address {@code address} is, or empty for a public one. */
    static Optional<String> internalKind(InetAddress address) {
        byte[] bytes = address.getAddress();
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        if (address.isAnyLocalAddress()) {
            return Optional.of("the unspecified address, which reaches this machine");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address, where cloud metadata services answer");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        if (address instanceof Inet6Address && (first & 0xfe) == 0xfc) {
            return Optional.of("a unique-local address (where some clouds' metadata services answer)");
        }
        if (address instanceof Inet4Address && first == 100 && (second & 0xc0) == 64) {
            return Optional.of("a shared address (100.64.0.0/10, where some clouds' metadata services answer)");
        }
        if (address instanceof Inet4Address && first == 192 && second == 0 && bytes[2] == 0) {
            return Optional.of("an IETF protocol address (192.0.0.0/24, where some clouds' metadata services answer)");
        }
        if (address instanceof Inet4Address && first == 255) {
            return Optional.of("a broadcast address");
        }
        return Optional.empty();
    }

    /** Whether {@code host} is one of the connection's hosts, whatever its addresses. */
    boolean onList(String host) {
        String name = host == null ? null : normalised(host);
        return name != null && hosts.stream().anyMatch(allowed -> allowed.startsWith("*.") ? name.endsWith(allowed.substring(1))
                : name.equals(allowed));
    }

    /** IPv4 and IPv6 literals are resolved without asking DNS. */
    private static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    /** Lower case, an IPv6 literal without its brackets. */
    static String normalised(String host) {
        return host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
    }

    /** A refused host; an {@link UnknownHostException}, so the client knows the request was never sent. */
    static final class RefusedHostException extends UnknownHostException {

        RefusedHostException(String message) {
            super(message);
        }
    }
}
