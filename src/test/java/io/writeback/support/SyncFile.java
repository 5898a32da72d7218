package io.writeback.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a sync file of the usual shape (source, streaming split, map, plan, deliver) for tests that start Writeback. */
public final class SyncFile {

    private final String name;
    private final Map<String, Object> source = new LinkedHashMap<>();
    private String fields;
    private String connection = "sandbox";
    private String object;
    private int batchSize = 100;
    private String cron = "0 0 3 * * ?";

    private SyncFile(String name, String query) {
        this.name = name;
        this.object = name;
        source.put("query", query);
        source.put("key", "id");
    }

    public static SyncFile of(String name, String query) {
        return new SyncFile(name, query);
    }

    /** Another parameter of writeback:source (cursor, chunkSize, linksOf, ...). */
    public SyncFile source(String parameter, Object value) {
        source.put(parameter, value);
        return this;
    }

    /** The Quartz cron the sync runs on; 3 in the morning by default, so that it does not run in a test. */
    public SyncFile cron(String cron) {
        this.cron = cron;
        return this;
    }

    public SyncFile fields(String fields) {
        this.fields = fields;
        return this;
    }

    public SyncFile deliver(String connection, String object, int batchSize) {
        this.connection = connection;
        this.object = object;
        this.batchSize = batchSize;
        return this;
    }

    public void writeTo(Path routes) throws IOException {
        String sourceParameters = source.entrySet().stream()
                .map(parameter -> "              " + parameter.getKey() + ": " + parameter.getValue())
                .collect(Collectors.joining("\n"));
        String map = fields == null ? "              - to: writeback:map"
                : "              - to:\n"
                        + "                  uri: writeback:map\n"
                        + "                  parameters:\n"
                        + "                    fields: " + fields;
        Files.writeString(routes.resolve(name + ".camel.yaml"), """
                - route:
                    id: %s
                    from:
                      uri: quartz:writeback/%s
                      parameters:
                        cron: "%s"
                      steps:
                        - to:
                            uri: writeback:source
                            parameters:
                %s
                        - split:
                            simple: "${body}"
                            streaming: true
                            stopOnException: true
                            steps:
                %s
                              - to: writeback:plan
                              - to:
                                  uri: writeback:deliver
                                  parameters:
                                    connection: %s
                                    object: %s
                                    batchSize: %d
                """.formatted(name, name, cron, sourceParameters, map, connection, object, batchSize));
    }
}
