package io.writeback.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScrubberTest {

    private static final String PASSWORD = "pa/ss\"w0rd+x";

    private final Scrubber scrubber = new Scrubber(List.of(PASSWORD, "tok/en-123"), "ann", "X-Api-Token");

    @Test
    void aBasicLoginEchoedBackIsRemovedAsItsBase64AndAsTheHeader() {
        String base64 = Base64.getEncoder().encodeToString(("ann:" + PASSWORD).getBytes());

        assertThat(scrubber.scrub("{\"echo\": \"" + base64 + "\"}")).isEqualTo("{\"echo\": \"***\"}");
        assertThat(scrubber.scrub("Authorization: Basic whatever-it-holds\nAccept: */*"))
                .isEqualTo("Authorization: ***\nAccept: */*");
        assertThat(scrubber.scrub("{\"headers\": {\"authorization\": \"Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==\", \"accept\": \"x\"}}"))
                .isEqualTo("{\"headers\": {\"authorization\": \"***\", \"accept\": \"x\"}}");
        assertThat(scrubber.scrub("\"Cookie\": [\"session=abc\"], \"Proxy-Authorization\": \"Digest x\", \"X-Api-Token\": \"k\""))
                .isEqualTo("\"Cookie\": [\"***\"], \"Proxy-Authorization\": \"***\", \"X-Api-Token\": \"***\"");
    }

    @Test
    void aSecretIsRemovedInEveryFormADestinationMayEchoIt() {
        assertThat(scrubber.scrub("token tok/en-123")).isEqualTo("token ***");
        assertThat(scrubber.scrub("{\"token\": \"tok\\/en-123\"}")).isEqualTo("{\"token\": \"***\"}");
        assertThat(scrubber.scrub("?token=tok%2Fen-123&x=1")).isEqualTo("?token=***&x=1");
        assertThat(scrubber.scrub("{\"password\": \"pa\\/ss\\\"w0rd+x\"}")).isEqualTo("{\"password\": \"***\"}");
        assertThat(scrubber.scrub("{\"password\": \"pa/ss\\\"w0rd+x\"}")).isEqualTo("{\"password\": \"***\"}");
        assertThat(scrubber.scrub("password=pa%2Fss%22w0rd%2Bx")).isEqualTo("password=***");
    }

    @Test
    void aCredentialHeaderDeepInALargeBodyIsFoundInAnyCase() {
        String records = "{\"name\": \"Cookie Company\", \"city\": \"Auth\"},".repeat(2_000);

        assertThat(scrubber.scrub(records + "\nSET-COOKIE: session=abc")).isEqualTo(records + "\nSET-COOKIE: ***");
        assertThat(scrubber.scrub(records + "{\"x-API-token\": \"k\"}")).isEqualTo(records + "{\"x-API-token\": \"***\"}");
        assertThat(scrubber.scrub(records)).isEqualTo(records);
    }

    @Test
    void textWithoutCredentialsIsLeftAlone() {
        assertThat(scrubber.scrub("{\"id\": 12, \"name\": \"Ada\"}")).isEqualTo("{\"id\": 12, \"name\": \"Ada\"}");
        assertThat(scrubber.scrub(null)).isNull();
    }
}
