package io.writeback.connection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.writeback.support.ControlledTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When a create may be sent again: only under its idempotency key, or when the destination refused it unseen. */
class CreateRepeatsTest {

    private static final ObjectEndpoints.Endpoint CREATE = new ObjectEndpoints.Endpoint("POST", "/{object}");

    private final WireMockServer server = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void start() {
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aCreateWithoutAKeyAnswered5xxIsNotRepeatedAndMayHaveLanded() throws Exception {
        answers(aResponse().withStatus(502), aResponse().withStatus(201).withBody("{\"id\": \"1\"}"));

        DeliveryResult create;
        try (HttpConnection connection = connection(null)) {
            create = connection.sendInsert(CREATE, "people", "{\"name\": \"Ada\"}", "key-1");
        }

        assertThat(create.succeeded()).isFalse();
        assertThat(create.mayHaveLanded()).isTrue();
        assertThat(create.calls()).isEqualTo(1);
        server.verify(1, postRequestedFor(urlEqualTo("/v1/people")));
    }

    @Test
    void aCreateUnderItsIdempotencyKeyIsRepeatedWithTheSameKey() throws Exception {
        answers(aResponse().withStatus(500), aResponse().withStatus(201).withBody("{\"id\": \"1\"}"));

        DeliveryResult create;
        try (HttpConnection connection = connection("Idempotency-Key")) {
            create = connection.sendInsert(CREATE, "people", "{\"name\": \"Ada\"}", "key-1");
        }

        assertThat(create.succeeded()).isTrue();
        assertThat(create.calls()).isEqualTo(2);
        server.verify(2, postRequestedFor(urlEqualTo("/v1/people")).withHeader("Idempotency-Key", equalTo("key-1")));
    }

    @Test
    void aCreateRefusedWith429IsSentAgainAfterTheWait() throws Exception {
        answers(aResponse().withStatus(429).withHeader("Retry-After", "2"), aResponse().withStatus(201).withBody("{}"));

        DeliveryResult create;
        try (HttpConnection connection = connection(null)) {
            create = connection.sendInsert(CREATE, "people", "{\"name\": \"Ada\"}", "key-1");
        }

        assertThat(create.succeeded()).isTrue();
        assertThat(create.calls()).isEqualTo(2);
    }

    private void answers(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        server.stubFor(post(urlEqualTo("/v1/people")).inScenario("create").whenScenarioStateIs(STARTED)
                .willSetStateTo("answered").willReturn(first));
        server.stubFor(post(urlEqualTo("/v1/people")).inScenario("create").whenScenarioStateIs("answered").willReturn(then));
    }

    private HttpConnection connection(String idempotencyKeyHeader) {
        ConnectionProperties properties = new ConnectionProperties("http://localhost:" + server.port() + "/v1", null, null,
                null, null, null, null, idempotencyKeyHeader, null, null, List.of("localhost"), null, null, null, null);
        return new HttpConnection("crm", properties, new LocalServer(), new ControlledTime(Instant.parse("2026-03-02T08:00:00Z")));
    }
}
