package io.consilium.cases.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.consilium.cases.domain.Plan;
import io.consilium.cases.domain.RosterRow;
import io.consilium.platform.input.InputPolicy;
import io.consilium.platform.input.TextKind;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Imports a member roster (CSV or a JSON array) streamed row by row, with constant memory whatever its size:
 * valid rows are upserted in JDBC batches, invalid rows are reported with their line and reasons. The whole
 * upload is one transaction, so a file that breaks off half way (malformed JSON, I/O error) changes nothing.
 */
@ApplicationScoped
public class RosterImport {

    public record RowError(long line, String memberId, List<String> problems) {
    }

    public record Report(String tenant, long received, long accepted, long rejected, List<RowError> errors,
                         boolean errorsTruncated) {
    }

    static final int BATCH = 1000;
    static final int ERRORS_LISTED = 1000;
    static final long MAX_ROWS = 1_000_000;

    private static final CsvMapper CSV = new CsvMapper();

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    RosterImport(EntityManager em, ObjectMapper json, Clock clock) {
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    @TransactionConfiguration(timeout = 900)
    public Report importCsv(String tenant, InputStream body) {
        return importRows(tenant, sink -> readCsv(body, sink));
    }

    @Transactional
    @TransactionConfiguration(timeout = 900)
    public Report importJson(String tenant, InputStream body) {
        return importRows(tenant, sink -> readJson(body, sink));
    }

    private Report importRows(String tenant, Consumer<Consumer<RosterRow>> source) {
        Map<String, UUID> plans = new HashMap<>();
        Plan.<Plan>list("tenant", tenant).forEach(p -> plans.put(p.name, p.id));
        Tally tally = new Tally();
        em.unwrap(Session.class).doWork(connection -> {
            try (Upsert upsert = new Upsert(connection, tenant, new Timestamp(clock.millis()))) {
                source.accept(row -> {
                    if (++tally.received > MAX_ROWS) {
                        throw new ProblemException.Unprocessable("A roster upload may hold at most " + MAX_ROWS + " rows");
                    }
                    List<String> problems = row.problems(plans);
                    if (problems.isEmpty()) {
                        upsert.add(row.valid(plans));
                        tally.accepted++;
                    } else {
                        // the report never echoes what the input policy refuses (a NUL, a bidi override, ...)
                        String echoed = InputPolicy.refusal(row.memberId(), TextKind.NAME).isEmpty() ? row.memberId() : null;
                        tally.reject(new RowError(row.line(), echoed, problems));
                    }
                });
            }
        });
        return new Report(tenant, tally.received, tally.accepted, tally.received - tally.accepted,
                List.copyOf(tally.errors), tally.received - tally.accepted > tally.errors.size());
    }

    /**
     * RFC 4180 CSV, streamed by Jackson's CSV parser: quoted fields may hold commas, quotes ("") and line breaks;
     * CRLF or LF line ends; a UTF-8 byte order mark before the header is skipped. A row's line is the line it starts on.
     */
    static void readCsv(InputStream body, Consumer<RosterRow> sink) {
        try (Reader reader = withoutByteOrderMark(new InputStreamReader(body, StandardCharsets.UTF_8));
             CsvParser parser = CSV.getFactory().createParser(reader)) {
            parser.setSchema(CsvSchema.emptySchema().withHeader());
            parser.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
            JsonToken token = parser.nextToken(); // reads the header line, then the first row's start
            List<String> columns = new ArrayList<>();
            parser.getSchema().forEach(column -> columns.add(column.getName().trim()));
            for (String required : List.of("memberId", "plan", "validFrom")) {
                if (!columns.contains(required)) {
                    throw new ProblemException.InvalidRequest("The CSV header must name memberId, plan, validFrom (validTo optional)",
                            List.of(new Violation("header", "missing column " + required)));
                }
            }
            for (; token == JsonToken.START_OBJECT; token = parser.nextToken()) {
                long line = -1;
                Map<String, String> cells = new HashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String column = parser.currentName().trim();
                    parser.nextToken();
                    if (line < 0) {
                        // the first value's position: the record token's own lies before the previous line break
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    cells.put(column, parser.getValueAsString());
                }
                if (cells.values().stream().allMatch(v -> v == null || v.isBlank())) {
                    continue;
                }
                sink.accept(new RosterRow(line, cell(cells, "memberId"), cell(cells, "plan"), cell(cells, "validFrom"),
                        cell(cells, "validTo")));
            }
        } catch (JsonProcessingException e) {
            throw new ProblemException.InvalidRequest("The CSV roster is not well-formed",
                    List.of(new Violation("body", "not well-formed CSV near line " + e.getLocation().getLineNr()
                            + " (e.g. an unclosed quote)")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    private void readJson(InputStream body, Consumer<RosterRow> sink) {
        try (JsonParser parser = json.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new ProblemException.InvalidRequest("The JSON roster must be an array of rows",
                        List.of(new Violation("", "must be an array")));
            }
            long index = 0;
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                index++;
                JsonNode node = json.readTree(parser);
                sink.accept(new RosterRow(index, text(node, "memberId"), text(node, "plan"), text(node, "validFrom"),
                        text(node, "validTo")));
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new ProblemException.InvalidRequest("The JSON roster must be an array of row objects",
                        List.of(new Violation("[" + index + "]", "must be an object")));
            }
        } catch (IOException e) {
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jsonError) {
                throw new ProblemException.InvalidRequest("The JSON roster is not well-formed",
                        List.of(new Violation("body", "not well-formed JSON near line "
                                + jsonError.getLocation().getLineNr())));
            }
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(Map<String, String> cells, String column) {
        String value = cells.get(column);
        value = value == null ? null : value.trim();
        return value == null || value.isEmpty() ? null : value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Counts, and the first {@link #ERRORS_LISTED} rejected rows. */
    private static final class Tally {
        long received;
        long accepted;
        final List<RowError> errors = new ArrayList<>();

        void reject(RowError error) {
            if (errors.size() < ERRORS_LISTED) {
                errors.add(error);
            }
        }
    }

    /** Batched {@code insert ... on conflict update} on the transaction's connection. */
    private static final class Upsert implements AutoCloseable {
        private final PreparedStatement statement;
        private final String tenant;
        private final Timestamp now;
        private int pending;

        Upsert(Connection connection, String tenant, Timestamp now) throws SQLException {
            this.statement = connection.prepareStatement("""
                    insert into roster_member (tenant, member_id, plan_id, valid_from, valid_to, updated_at)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (tenant, member_id) do update set plan_id = excluded.plan_id,
                        valid_from = excluded.valid_from, valid_to = excluded.valid_to, updated_at = excluded.updated_at""");
            this.tenant = tenant;
            this.now = now;
        }

        void add(RosterRow.Valid row) {
            try {
                statement.setString(1, tenant);
                statement.setString(2, row.memberId());
                statement.setObject(3, row.planId());
                statement.setDate(4, Date.valueOf(row.validFrom()));
                statement.setDate(5, row.validTo() == null ? null : Date.valueOf(row.validTo()));
                statement.setTimestamp(6, now);
                statement.addBatch();
                if (++pending == BATCH) {
                    flush();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Roster upsert failed", e);
            }
        }

        private void flush() throws SQLException {
            if (pending > 0) {
                statement.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                flush();
            } finally {
                statement.close();
            }
        }
    }
}
