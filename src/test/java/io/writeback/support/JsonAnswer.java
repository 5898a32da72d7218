package io.writeback.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A WireMock answer computed from the JSON request, for the stubs that name it. */
abstract class JsonAnswer implements ResponseTransformerV2 {

    protected static final ObjectMapper JSON = new ObjectMapper();

    /** The status and JSON body answering {@code request}, sent to {@code url}. */
    protected abstract Answer answer(JsonNode request, String url);

    /** A status and a body. */
    protected record Answer(int status, String body) {
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        try {
            Answer answer = answer(JSON.readTree(serveEvent.getRequest().getBodyAsString()), serveEvent.getRequest().getUrl());
            return Response.Builder.like(response).but().status(answer.status()).body(answer.body()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }
}
