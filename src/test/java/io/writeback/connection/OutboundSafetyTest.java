package io.writeback.connection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.writeback.kernel.ClusterSize;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What leaves through a connection, against a real HTTP server: no credential in what is kept, no call where refused. */
class OutboundSafetyTest {

    private static final String PASSWORD = "pa55/w0rd-that-is-long";
    private static final ObjectEndpoints.Endpoint CREATE = new ObjectEndpoints.Endpoint("POST", "/{object}");
    private static final ObjectEndpoints.Endpoint UPDATE = new ObjectEndpoints.Endpoint("PATCH", "/{object}/{id}");

    private final WireMockServer server = new WireMockServer(options().dynamicPort().globalTemplating(true));

    @BeforeEach
    void start() {
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aBasicLoginEchoedBackIsNotKeptEvenWhereTheErrorIsCut() throws Exception {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)
                .withBody("x".repeat(1_990) + " you sent {{request.headers.Authorization}} with password " + PASSWORD)));
        AuthProperties basic = new AuthProperties(AuthType.BASIC, null, null, "ann", PASSWORD, null, null, null, null, null,
                null, null, null, null, null);

        DeliveryResult result;
        try (HttpConnection connection = connection(basic, List.of("localhost"))) {
            result = connection.send(CREATE, "people", null, "{\"name\": \"Ada\"}");
        }

        String base64 = Base64.getEncoder().encodeToString(("ann:" + PASSWORD).getBytes());
        for (String kept : new String[] {result.error(), result.responseBody()}) {
            assertThat(kept).doesNotContain(PASSWORD).doesNotContain(base64.substring(0, 8)).doesNotContain("pa55");
        }
        assertThat(result.responseBody()).endsWith("you sent Basic *** with password ***");
        assertThat(result.error()).startsWith("HTTP 400 from POST http://localhost:");
    }

    @Test
    void aTokenEchoedJsonEscapedIsNotKept() throws Exception {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\": \"token tok\\/en-9f3a is revoked\"}")));
        AuthProperties bearer = new AuthProperties(AuthType.BEARER, "tok/en-9f3a", null, null, null, null, null, null, null,
                null, null, null, null, null, null);

        DeliveryResult result;
        try (HttpConnection connection = connection(bearer, List.of("localhost"))) {
            result = connection.send(CREATE, "people", null, "{}");
        }

        assertThat(result.responseBody()).isEqualTo("{\"error\": \"token *** is revoked\"}");
        assertThat(result.error()).doesNotContain("9f3a");
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefusedUnlessNamedAndNoRequestLeaves() throws Exception {
        DeliveryResult refused;
        try (HttpConnection connection = connection(AuthProperties.none(), List.of())) {
            refused = connection.send(CREATE, "people", null, "{}");
        }

        assertThat(refused.error()).contains("connection 'crm' refuses host localhost (127.0.0.1): it is a loopback address")
                .endsWith("(not sent)");
        server.verify(0, anyRequestedFor(urlMatching(".*")));
    }

    @Test
    void anIdThatIsADotSegmentNeverBecomesAPath() throws Exception {
        DeliveryResult dotDot;
        try (HttpConnection connection = connection(AuthProperties.none(), List.of("localhost"))) {
            dotDot = connection.send(UPDATE, "people", "..", "{}");
        }

        assertThat(dotDot.error()).endsWith("a path segment is '..' (an id '.' or '..' cannot be sent in a path)");
        server.verify(0, anyRequestedFor(urlMatching(".*")));
    }

    private HttpConnection connection(AuthProperties auth, List<String> allowedHosts) {
        ConnectionProperties properties = new ConnectionProperties("http://localhost:" + server.port() + "/v1", auth, null,
                null, null, null, null, null, null, null, allowedHosts, null, null, null, null, null, null, null, null, null, null, null, null, null);
        return new HttpConnection("crm", properties, new LocalServer(), Timekeeper.SYSTEM,
                new CallMeters(new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), "crm"), ClusterSize.ALONE);
    }
}
