package io.writeback.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.writeback.demo.DemoMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The sandbox destination's records, kept in PostgreSQL ({@code sandbox.records}). */
@DemoMode
@Repository
public class SandboxStore {

    private static final String COLUMNS = "id, object, version, created_at, updated_at, data";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<SandboxRecord> mapper = this::record;

    public SandboxStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public SandboxRecord create(String object, ObjectNode fields) {
        return jdbc.queryForObject("INSERT INTO sandbox.records (object, data) VALUES (?, ?::jsonb) RETURNING " + COLUMNS,
                mapper, object, fields.toString());
    }

    /**
     * Creates the record, unless a create of {@code object} under {@code key} came before: then that
     * first record is returned, and {@code created} is false.
     */
    @Transactional
    public Created createOnce(String object, String key, ObjectNode fields) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext(? || '/' || ?))", object, key);
        List<Long> earlier = jdbc.queryForList(
                "SELECT record_id FROM sandbox.idempotency_keys WHERE object = ? AND key = ?", Long.class, object, key);
        if (!earlier.isEmpty()) {
            return new Created(find(object, earlier.get(0)).orElseThrow(), false);
        }
        SandboxRecord record = create(object, fields);
        jdbc.update("INSERT INTO sandbox.idempotency_keys (object, key, record_id) VALUES (?, ?, ?)", object, key,
                Long.parseLong(record.id()));
        return new Created(record, true);
    }

    /** A record from {@link #createOnce}, and whether this call created it. */
    public record Created(SandboxRecord record, boolean created) {
    }

    /** Creates every input in one transaction; an input with a key already used returns its first record instead. */
    @Transactional
    public List<SandboxRecord> createAll(String object, List<ObjectNode> inputs, List<String> keys) {
        List<SandboxRecord> records = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            records.add(keys == null ? create(object, inputs.get(i)) : createOnce(object, keys.get(i), inputs.get(i)).record());
        }
        return records;
    }

    public Optional<SandboxRecord> find(String object, long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM sandbox.records WHERE object = ? AND id = ?", mapper, object, id)
                .stream().findFirst();
    }

    /** The records of {@code object} among {@code ids} (compared as text: an id that is not a number finds nothing), in id order. */
    public List<SandboxRecord> findAll(String object, List<String> ids) {
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM sandbox.records "
                    + "WHERE object = ? AND id::text = ANY (?) ORDER BY id");
            statement.setString(1, object);
            statement.setArray(2, connection.createArrayOf("text", ids.toArray()));
            return statement;
        }, mapper);
    }

    /** Merges {@code fields} into the record (PATCH) or replaces its fields (PUT). */
    public Optional<SandboxRecord> update(String object, long id, ObjectNode fields, boolean replace) {
        String newData = replace ? "?::jsonb" : "data || ?::jsonb";
        return jdbc.query("UPDATE sandbox.records SET data = " + newData + ", version = version + 1, updated_at = now() "
                + "WHERE object = ? AND id = ? RETURNING " + COLUMNS, mapper, fields.toString(), object, id)
                .stream().findFirst();
    }

    public boolean delete(String object, long id) {
        return jdbc.update("DELETE FROM sandbox.records WHERE object = ? AND id = ?", object, id) == 1;
    }

    /** Records of {@code object} whose fields equal {@code filters} (compared as text), in id order. */
    public List<SandboxRecord> list(String object, Map<String, String> filters, int limit, long offset) {
        List<Object> arguments = arguments(object, filters);
        arguments.add(limit);
        arguments.add(offset);
        return jdbc.query("SELECT " + COLUMNS + " FROM sandbox.records WHERE object = ?" + filterClause(filters)
                + " ORDER BY id LIMIT ? OFFSET ?", mapper, arguments.toArray());
    }

    /** Records of {@code object} whose {@code field} holds one of {@code values} (compared as text), in id order. */
    public List<SandboxRecord> findBy(String object, String field, List<String> values) {
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM sandbox.records "
                    + "WHERE object = ? AND data ->> ? = ANY (?) ORDER BY id");
            statement.setString(1, object);
            statement.setString(2, field);
            statement.setArray(3, connection.createArrayOf("text", values.toArray()));
            return statement;
        }, mapper);
    }

    public long count(String object, Map<String, String> filters) {
        return jdbc.queryForObject("SELECT count(*) FROM sandbox.records WHERE object = ?" + filterClause(filters),
                Long.class, arguments(object, filters).toArray());
    }

    /** One bound condition per filter: field names and values are both parameters. */
    private static String filterClause(Map<String, String> filters) {
        return " AND data ->> ? = ?".repeat(filters.size());
    }

    private static List<Object> arguments(String object, Map<String, String> filters) {
        List<Object> arguments = new ArrayList<>();
        arguments.add(object);
        filters.forEach((field, value) -> {
            arguments.add(field);
            arguments.add(value);
        });
        return arguments;
    }

    private SandboxRecord record(ResultSet rs, int row) throws SQLException {
        try {
            JsonNode fields = json.readTree(rs.getString("data"));
            return new SandboxRecord(rs.getString("id"), rs.getString("object"), rs.getInt("version"),
                    rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                    fields);
        } catch (JsonProcessingException e) {
            throw new SQLException("sandbox record " + rs.getString("id") + " holds unreadable JSON", e);
        }
    }
}
