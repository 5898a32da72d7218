package io.writeback.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Source ids merge in PostgreSQL's {@code COLLATE "C"} order: by code point, not by Java's UTF-16 units. */
class KeyOrderTest {

    @Test
    void ordersByCodePointAsTheBytesOfUtf8Do() {
        // U+FFFD sorts before U+1F600 in UTF-8, though its UTF-16 unit is above the surrogate pair's first one.
        List<String> keys = new ArrayList<>(List.of("\uD83D\uDE00", "\uFFFD", "b", "a", "ab", "", "B", "10", "9"));
        keys.sort(LinkCursor.KeyOrder::compare);
        assertThat(keys).containsExactly("", "10", "9", "B", "a", "ab", "b", "\uFFFD", "\uD83D\uDE00");
        assertThat("\uFFFD".compareTo("\uD83D\uDE00")).as("Java's own order differs").isPositive();
    }

    @Test
    void aKeyIsEqualToItselfAndAPrefixComesFirst() {
        assertThat(LinkCursor.KeyOrder.compare("abc", "abc")).isZero();
        assertThat(LinkCursor.KeyOrder.compare("ab", "abc")).isNegative();
        assertThat(LinkCursor.KeyOrder.compare("abc", "ab")).isPositive();
    }
}
