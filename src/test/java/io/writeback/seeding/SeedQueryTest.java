package io.writeback.seeding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeedQueryTest {

    @Test
    void aQueryRunsAsASubquery() {
        assertThat(SeedQuery.wrap("crm", "SELECT id AS source_id, ext AS target_id FROM t;"))
                .isEqualTo("SELECT source_id, target_id FROM (SELECT id AS source_id, ext AS target_id FROM t\n) AS seed");
    }

    @Test
    void semicolonsAndParenthesesInsideQuotesAndCommentsAreText() {
        String query = """
                SELECT id AS source_id, 'a;b)' || "odd;(name" || $x$ ;) $x$ || E'it\\'s;)' || 'don''t;' AS target_id
                FROM t -- a comment; with )
                /* and ; another ( */""";

        assertThat(SeedQuery.wrap("crm", query)).startsWith("SELECT source_id, target_id FROM (SELECT id");
    }

    @Test
    void aSecondStatementOrAnEscapeFromTheSubqueryIsRefused() {
        assertThatThrownBy(() -> SeedQuery.wrap("crm", "SELECT 1 AS source_id, 2 AS target_id; COMMIT; DROP TABLE t"))
                .hasMessage("sync crm: the seed query holds more than one statement (a ';' at character 38); "
                        + "give one SELECT returning source_id and target_id");
        assertThatThrownBy(() -> SeedQuery.wrap("crm", "SELECT 1 AS source_id, 2 AS target_id) s UNION SELECT (1"))
                .hasMessageStartingWith("sync crm: the seed query closes a parenthesis it did not open (character 38)");
        assertThatThrownBy(() -> SeedQuery.wrap("crm", "SELECT E'\\'' AS source_id, 1 AS target_id; DROP TABLE t; SELECT '"))
                .hasMessageContaining("more than one statement");
        assertThatThrownBy(() -> SeedQuery.wrap("crm", "SELECT 'open"))
                .hasMessageStartingWith("sync crm: the seed query leaves ' open from character 8");
        assertThatThrownBy(() -> SeedQuery.wrap("crm", "SELECT (1"))
                .hasMessageStartingWith("sync crm: the seed query leaves 1 parenthesis open");
    }
}
