package io.consilium.cases.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consilium.cases.domain.Plan;
import io.consilium.cases.domain.RosterRow;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
                        tally.reject(new RowError(row.line(), row.memberId(), problems));
                    }
                });
            }
        });
        return new Report(tenant, tally.received, tally.accepted, tally.received - tally.accepted,
                List.copyOf(tally.errors), tally.received - tally.accepted > tally.errors.size());
    }

    private static void readCsv(InputStream body, Consumer<RosterRow> sink) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            Map<String, Integer> columns = header == null ? Map.of() : columns(header);
            for (String required : List.of("memberId", "plan", "validFrom")) {
                if (!columns.containsKey(required)) {
                    throw new ProblemException.InvalidRequest("The CSV header must name memberId, plan, validFrom (validTo optional)",
                            List.of(new Violation("header", "missing column " + required)));
                }
            }
            String line;
            long number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                sink.accept(new RosterRow(number, cell(cells, columns.get("memberId")), cell(cells, columns.get("plan")),
                        cell(cells, columns.get("validFrom")), cell(cells, columns.get("validTo"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static Map<String, Integer> columns(String header) {
        Map<String, Integer> columns = new HashMap<>();
        String[] names = header.replace("\uFEFF", "").split(",", -1);
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i].trim(), i);
        }
        return columns;
    }

    private static String cell(String[] cells, Integer index) {
        if (index == null || index >= cells.length) {
            return null;
        }
        String value = cells[index].trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return value.isEmpty() ? null : value;
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
