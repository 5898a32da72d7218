package io.writeback.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00.400Z");

    @Test
    void secondsAreWaitedAsGiven() {
        assertThat(RetryAfter.from("7", NOW)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.from(" 0 ", NOW)).contains(Duration.ZERO);
    }

    @Test
    void anHttpDateIsWaitedUntil() {
        assertThat(RetryAfter.from("Mon, 02 Mar 2026 08:00:03 GMT", NOW)).contains(Duration.ofMillis(2600));
        assertThat(RetryAfter.from("Mon, 02 Mar 2026 07:59:00 GMT", NOW)).as("a date gone by").contains(Duration.ZERO);
    }

    @Test
    void nothingOrNothingReadableLeavesTheWaitToTheBackoff() {
        assertThat(RetryAfter.from(null, NOW)).isEmpty();
        assertThat(RetryAfter.from("", NOW)).isEmpty();
        assertThat(RetryAfter.from("soon", NOW)).isEmpty();
    }
}
