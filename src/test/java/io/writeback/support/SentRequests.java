package io.writeback.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The requests a WireMock server got, checked against what a vendor publishes. */
public final class SentRequests {

    private SentRequests() {
    }

    /** The problems {@code check} finds in every request {@code server} got whose URL starts with {@code prefix}. */
    public static List<String> problems(WireMockServer server, String prefix, Function<LoggedRequest, List<String>> check) {
        List<String> problems = new ArrayList<>();
        for (ServeEvent event : server.getAllServeEvents()) {
            if (event.getRequest().getUrl().startsWith(prefix)) {
                problems.addAll(check.apply(event.getRequest()));
            }
        }
        return problems;
    }

    /** A request's body, or null when it has none. */
    public static String body(LoggedRequest request) {
        String body = request.getBodyAsString();
        return body == null || body.isEmpty() ? null : body;
    }
}
