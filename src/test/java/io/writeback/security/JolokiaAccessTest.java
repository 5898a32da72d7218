package io.writeback.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.writeback.support.TestUsers;
import io.writeback.support.WritebackIntegrationTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What Jolokia (under Hawtio) lets each role do with JMX: the access policy, called as an attacker would. */
class JolokiaAccessTest extends WritebackIntegrationTest {

    private static final String CAMEL = "org.apache.camel:context=writeback,type=context,name=\\\"writeback\\\"";
    private static final String ROUTE = "org.apache.camel:context=writeback,type=routes,name=\\\"companies\\\"";
    private static final String GROOVY = "{\"type\":\"exec\",\"mbean\":\"" + CAMEL + "\","
            + "\"operation\":\"requestBody(java.lang.String,java.lang.Object)\","
            + "\"arguments\":[\"language:groovy:'id'.execute().text\",\"\"]}";
    private static final String ENV = "{\"type\":\"exec\",\"mbean\":\"" + CAMEL + "\","
            + "\"operation\":\"requestBody(java.lang.String,java.lang.Object)\","
            + "\"arguments\":[\"language:simple:${env:HOME}\",\"\"]}";
    private static final String WRITE = "{\"type\":\"write\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"Verbose\",\"value\":true}";
    private static final String READ = "{\"type\":\"read\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"HeapMemoryUsage\"}";
    private static final String STOP_ROUTE = "{\"type\":\"exec\",\"mbean\":\"" + ROUTE + "\",\"operation\":\"stop()\"}";
    private static final String START_ROUTE = "{\"type\":\"exec\",\"mbean\":\"" + ROUTE + "\",\"operation\":\"start()\"}";

    @Test
    void noRoleRunsCodeReadsTheEnvironmentWritesOrProxies() {
        for (TestUsers user : TestUsers.values()) {
            TestRestTemplate as = user.on(anonymous);
            for (String request : new String[] {GROOVY, ENV, WRITE}) {
                assertThat(status(as, request)).as(user + " " + request).isNotEqualTo(200);
            }
        }
        assertThat(status(anonymous, READ)).isEqualTo(401);
    }

    @Test
    void aProxyTargetIsNeverContacted() throws IOException {
        try (ServerSocket target = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            target.setSoTimeout(500);
            String proxied = "{\"type\":\"read\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"HeapMemoryUsage\","
                    + "\"target\":{\"url\":\"service:jmx:rmi:///jndi/rmi://127.0.0.1:" + target.getLocalPort() + "/jmxrmi\"}}";

            status(http, proxied);

            assertThatThrownBy(target::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void viewersReadAndOperatorsAlsoStartAndStopRoutes() {
        TestRestTemplate viewer = TestUsers.VIEWER.on(anonymous);
        TestRestTemplate operator = TestUsers.OPERATOR.on(anonymous);

        assertThat(status(viewer, READ)).isEqualTo(200);
        assertThat(status(viewer, "{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=routes,*\"}")).isEqualTo(200);
        assertThat(status(viewer, STOP_ROUTE)).isEqualTo(403);
        assertThat(status(operator, STOP_ROUTE)).isEqualTo(200);
        assertThat(status(operator, START_ROUTE)).isEqualTo(200);
        assertThat(status(operator, "{\"type\":\"exec\",\"mbean\":\"" + ROUTE + "\",\"operation\":\"remove()\"}")).isEqualTo(403);
    }

    @Test
    void nothingRunsByGetAndNoOtherSiteMayReadTheAnswers() {
        ResponseEntity<String> get = http.getForEntity("/actuator/jolokia/read/java.lang:type=Memory/HeapMemoryUsage", String.class);
        HttpHeaders sameOrigin = new HttpHeaders();
        sameOrigin.setContentType(MediaType.APPLICATION_JSON);
        sameOrigin.setOrigin(http.getRootUri());
        ResponseEntity<String> read = http.exchange("/actuator/jolokia", HttpMethod.POST, new HttpEntity<>(READ, sameOrigin),
                String.class);

        assertThat(get.getStatusCode() == HttpStatus.OK && get.getBody().contains("\"status\":200")).isFalse();
        assertThat(read.getBody()).contains("\"status\":200");
        assertThat(read.getHeaders().getAccessControlAllowOrigin()).isNull();
    }

    private static int status(TestRestTemplate as, String request) {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> answer = as.exchange("/actuator/jolokia", HttpMethod.POST, new HttpEntity<>(request, json),
                JsonNode.class);
        if (answer.getStatusCode() != HttpStatus.OK || answer.getBody() == null) {
            return answer.getStatusCode().value();
        }
        return answer.getBody().path("status").asInt();
    }
}
