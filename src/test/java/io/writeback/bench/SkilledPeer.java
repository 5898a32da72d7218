package io.writeback.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;
import org.apache.camel.util.concurrent.SynchronousExecutorService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The route a skilled engineer writes by hand from Camel's parts, as the benchmark's fair peer: a SQL consumer
 * polling the rows not sent yet or changed since (joined with a table of its own where it marks what it sent,
 * with the row's {@code updated_at}), an aggregator making bulk calls of 100 (the last of each poll completed by
 * the batch's end), the HTTP producer, and the sent rows marked in one batch statement per call. It diffs in the
 * database by {@code updated_at}, so an unchanged re-run reads nothing; it has no link table, no recovery of a
 * call whose answer was lost (its rows are sent again), and no relations, transforms or dead letters.
 */
final class SkilledPeer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 10_000;

    private SkilledPeer() {
    }

    /** The table where the route marks the rows it sent; empty, so that the next run is an initial load. */
    static void prepare(JdbcTemplate jdbc) {
        jdbc.execute("DROP TABLE IF EXISTS bench.peer_marks; "
                + "CREATE TABLE bench.peer_marks (id bigint PRIMARY KEY, updated_at timestamptz NOT NULL)");
    }

    /** Sends every row of {@code bench.customers} not sent yet or changed since, in bulk calls of 100; the time to the last. */
    static Duration run(DataSource warehouse, int sinkPort) throws Exception {
        String unsent = "SELECT c.* FROM bench.customers c LEFT JOIN bench.peer_marks m ON m.id = c.id "
                + "WHERE m.id IS NULL OR m.updated_at < c.updated_at ORDER BY c.id LIMIT " + PAGE;
        return PeerRun.time(warehouse, (route, done) -> route.from("sql:" + unsent + "?dataSource=#warehouse&initialDelay=0&delay=1"
                        + "&sendEmptyMessageWhenIdle=true&maxMessagesPerPoll=" + PAGE).routeId("skilled-peer")
                .choice()
                    .when(exchange -> exchange.getMessage().getBody() == null
                            || exchange.getMessage().getBody() instanceof Collection<?> rows && rows.isEmpty()).process(done)
                    .otherwise()
                        .aggregate(route.constant(true), new GroupedBodyAggregationStrategy())
                            .completionSize(100).completionFromBatchConsumer()
                            // Each call sent and marked before the poll ends, so that the next poll does not read its rows again.
                            .executorService(new SynchronousExecutorService())
                            .setProperty("rows", route.body())
                            .process(exchange -> exchange.getMessage().setBody(
                                    JSON.writeValueAsString(Map.of("inputs", exchange.getMessage().getBody(List.class)))))
                            .setHeader(Exchange.HTTP_METHOD, route.constant("POST"))
                            .setHeader(Exchange.CONTENT_TYPE, route.constant("application/json"))
                            .to("http://127.0.0.1:" + sinkPort + "/sink/skilled/batch")
                            .setBody(route.exchangeProperty("rows"))
                            .to("sql:INSERT INTO bench.peer_marks (id, updated_at) VALUES (:#id, :#updated_at) "
                                    + "ON CONFLICT (id) DO UPDATE SET updated_at = EXCLUDED.updated_at"
                                    + "?dataSource=#warehouse&batch=true")
                        .end()
                .end());
    }
}
