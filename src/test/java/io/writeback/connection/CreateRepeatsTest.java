package io.writeback.connection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.writeback.kernel.ClusterSize;
import io.writeback.support.ControlledTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** When a create may be sent again: only under its idempotency key, or when the destination refused it unseen. */
class CreateRepeatsTest {

    private static final ObjectEndpoints.Endpoint CREATE = new ObjectEndpoints.Endpoint("POST", "/{object}");

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance().options(options().dynamicPort()).build();

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
        SERVER.verify(1, postRequestedFor(urlEqualTo("/v1/people")));
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
        SERVER.verify(2, postRequestedFor(urlEqualTo("/v1/people")).withHeader("Idempotency-Key", equalTo("key-1")));
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
        SERVER.stubFor(post(urlEqualTo("/v1/people")).inScenario("create").whenScenarioStateIs(STARTED)
                .willSetStateTo("answered").willReturn(first));
        SERVER.stubFor(post(urlEqualTo("/v1/people")).inScenario("create").whenScenarioStateIs("answered").willReturn(then));
    }

    private HttpConnection connection(String idempotencyKeyHeader) {
        ConnectionProperties properties = new ConnectionProperties("http://localhost:" + SERVER.getPort() + "/v1", null, null,
                null, null, null, null, idempotencyKeyHeader, null, null, List.of("localhost"), null, null, null, null, null, null, null, null, null, null, null, null, null);
        return new HttpConnection("crm", properties, new LocalServer(), new ControlledTime(Instant.parse("2026-03-02T08:00:00Z")),
                new CallMeters(new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), "crm"), ClusterSize.ALONE);
    }
}
