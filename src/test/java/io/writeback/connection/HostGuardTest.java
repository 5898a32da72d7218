package io.writeback.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostGuardTest {

    @Test
    void hostsOffTheListAreRefused() {
        HostGuard guard = new HostGuard("crm", List.of("api.example.com", "*.crm.example"), List.of());

        assertThat(guard.refusal("https://api.example.com/v1/people")).isEmpty();
        assertThat(guard.refusal("https://eu.crm.example/v1")).isEmpty();
        assertThat(guard.refusal("https://evil.example/v1"))
                .contains("connection 'crm' refuses host evil.example: not in its allowed hosts [api.example.com, *.crm.example]");
        assertThat(guard.refusal("http://exa mple/v1")).contains("connection 'crm' refuses http://exa mple/v1: it has no host that can be read");
    }

    @Test
    void internalAddressesAreRefusedUnlessTheHostIsNamed() {
        List<String> literals = List.of("127.0.0.1", "0.0.0.0", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.100.100.200", "192.0.0.192", "[::1]", "[fd00:ec2::254]", "[fe80::1]", "[::]");
        HostGuard unnamed = new HostGuard("crm", literals, List.of());
        HostGuard named = new HostGuard("crm", literals, literals);

        for (String host : literals) {
            assertThat(unnamed.refusal("http://" + host + ":8080/x")).as(host).get().asString()
                    .startsWith("connection 'crm' refuses host " + HostGuard.normalised(host) + " (")
                    .contains("name the host in the connection's allowed-hosts if it is meant");
            assertThat(named.refusal("http://" + host + ":8080/x")).as(host).isEmpty();
        }
        assertThat(unnamed.refusal("http://169.254.169.254/latest")).get().asString().contains("link-local");
        assertThat(unnamed.refusal("http://10.1.2.3/")).get().asString().contains("a private address");
    }

    @Test
    void aWildcardDoesNotNameAnInternalHost() {
        HostGuard guard = new HostGuard("crm", List.of("*.internal.example", "localhost"), List.of("*.internal.example"));

        assertThatThrownBy(() -> guard.resolve("localhost")).isInstanceOf(HostGuard.RefusedHostException.class)
                .hasMessageStartingWith("connection 'crm' refuses host localhost (127.0.0.1): it is a loopback address");
    }

    @Test
    void aNameIsResolvedOnceAndItsAddressesChecked() throws UnknownHostException {
        HostGuard refusing = new HostGuard("crm", List.of("localhost"), List.of());
        HostGuard naming = new HostGuard("crm", List.of("localhost"), List.of("localhost"));

        assertThatThrownBy(() -> refusing.resolve("localhost")).isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("loopback");
        assertThat(naming.resolve("localhost")).allMatch(InetAddress::isLoopbackAddress);
        assertThatThrownBy(() -> naming.resolve("other.example")).hasMessageContaining("not in its allowed hosts");
    }

    @Test
    void anIpv6BaseUrlIsComparedWithoutBrackets() {
        HostGuard guard = new HostGuard("crm", List.of("[2001:db8::5]", "::1"), List.of("::1"));

        assertThat(guard.refusal("http://[2001:db8::5]:8080/v1")).isEmpty();
        assertThat(guard.refusal("http://[::1]:8080/v1")).isEmpty();
    }

    @Test
    void publicAddressesAreNotInternal() throws UnknownHostException {
        assertThat(HostGuard.internalKind(InetAddress.getByName("93.184.216.34"))).isEmpty();
        assertThat(HostGuard.internalKind(InetAddress.getByName("2606:2800:220:1::1"))).isEmpty();
        assertThat(HostGuard.internalKind(InetAddress.getByName("100.128.0.1"))).isEmpty();
    }
}
