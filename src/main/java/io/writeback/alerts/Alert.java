package io.writeback.alerts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One change of a sync's state, as it is told: which sync, from what to what, the run that made it
 * (its counts), the first errors (scrubbed texts, never a payload) and where to look.
 */
record Alert(String sync, String state, String previousState, Long runId, Map<String, Long> counts, List<String> firstErrors,
        String link) {

    /** One line: "contacts failed (was ok): run 12, read 300, failed 300". */
    String title() {
        String what = switch (state) {
            case "ok" -> "recovered";
            case "errors" -> "completed with errors";
            case "unknown" -> "has inserts of unknown outcome waiting for an operator";
            case "stale" -> "is stale: no successful run within its threshold";
            default -> state;
        };
        StringBuilder title = new StringBuilder("Writeback: sync " + sync + " " + what + " (was " + previousState + ")");
        if (runId != null) {
            title.append(": run ").append(runId);
            counts.forEach((name, count) -> title.append(", ").append(name).append(' ').append(count));
        }
        return title.toString();
    }

    String text() {
        StringBuilder text = new StringBuilder(title()).append('\n');
        firstErrors.forEach(error -> text.append("- ").append(error).append('\n'));
        return text.append(link).append('\n').toString();
    }

    /** The generic webhook body. */
    Map<String, Object> json() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sync", sync);
        body.put("state", state);
        body.put("previousState", previousState);
        body.put("title", title());
        body.put("runId", runId);
        body.put("counts", counts);
        body.put("firstErrors", firstErrors);
        body.put("link", link);
        return body;
    }

    /** Slack's incoming-webhook body. */
    Map<String, Object> slack() {
        return Map.of("text", text());
    }
}
