package io.writeback.seeding;

/**
 * An operator's seed query, made one SELECT that cannot be more: it runs as a subquery
 * ({@code SELECT source_id, target_id FROM (<query>) AS seed}), and is refused when a {@code ;} or an
 * unbalanced parenthesis outside quotes and comments could end that subquery or start a second statement.
 */
final class SeedQuery {

    private SeedQuery() {
    }

    /**
     * The statement to run for {@code query}.
     *
     * @throws IllegalArgumentException naming the sync and what in the query is refused
     */
    static String wrap(String sync, String query) {
        String body = query.strip();
        while (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1).stripTrailing();
        }
        checkOneStatement(sync, body);
        return "SELECT source_id, target_id FROM (" + body + "\n) AS seed";
    }

    private static void checkOneStatement(String sync, String sql) {
        int depth = 0;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' && escapeString(sql, i)) {
                i = closingEscaped(sync, sql, i);
            } else if (c == '\'' || c == '"') {
                i = closing(sync, sql, i, String.valueOf(c));
            } else if (c == '$' && dollarTag(sql, i) != null) {
                i = closing(sync, sql, i, dollarTag(sql, i));
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", i)) {
                i = closing(sync, sql, i, "/*", "*/");
            } else {
                if (c == ';') {
                    throw refused(sync, "holds more than one statement (a ';' at character " + (i + 1) + ")");
                }
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth < 0) {
                    throw refused(sync, "closes a parenthesis it did not open (character " + (i + 1) + ")");
                }
                i++;
            }
        }
        if (depth != 0) {
            throw refused(sync, "leaves " + depth + " parenthesis open");
        }
    }

    /** Where a quoted text opened at {@code start} by {@code quote} ends (after its closing quote). */
    private static int closing(String sync, String sql, int start, String quote) {
        return closing(sync, sql, start, quote, quote);
    }

    private static int closing(String sync, String sql, int start, String open, String close) {
        int end = sql.indexOf(close, start + open.length());
        if (end < 0) {
            throw refused(sync, "leaves " + open + " open from character " + (start + 1));
        }
        return end + close.length();
    }

    /** Whether the quote at {@code i} opens an escape string ({@code E'...'}), where a backslash escapes a quote. */
    private static boolean escapeString(String sql, int i) {
        boolean prefixed = i > 0 && Character.toLowerCase(sql.charAt(i - 1)) == 'e';
        return prefixed && (i < 2 || !(Character.isLetterOrDigit(sql.charAt(i - 2)) || sql.charAt(i - 2) == '_'));
    }

    private static int closingEscaped(String sync, String sql, int start) {
        for (int i = start + 1; i < sql.length(); i++) {
            boolean doubledQuote = sql.startsWith("''", i);
            if (sql.charAt(i) == '\\' || doubledQuote) {
                i++;
            } else if (sql.charAt(i) == '\'') {
                return i + 1;
            }
        }
        throw refused(sync, "leaves ' open from character " + (start + 1));
    }

    /** The tag ({@code $$}, {@code $body$}) of a dollar-quoted string starting at {@code i}, or null. */
    private static String dollarTag(String sql, int i) {
        int end = i + 1;
        while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
            end++;
        }
        boolean tagged = end < sql.length() && sql.charAt(end) == '$' && (end == i + 1 || !Character.isDigit(sql.charAt(i + 1)));
        return tagged ? sql.substring(i, end + 1) : null;
    }

    private static IllegalArgumentException refused(String sync, String why) {
        return new IllegalArgumentException("sync " + sync + ": the seed query " + why
                + "; give one SELECT returning source_id and target_id");
    }
}
