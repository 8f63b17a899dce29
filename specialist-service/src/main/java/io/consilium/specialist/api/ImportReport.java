package io.consilium.specialist.api;

import io.consilium.platform.problem.Violation;

import java.util.List;
import java.util.UUID;

/** What a bulk import did: rows are numbered from 0 in the order sent; rejected rows changed nothing. */
public record ImportReport(int received, int imported, List<UUID> importedIds, List<RejectedRow> rejected) {

    public record RejectedRow(int row, List<Violation> violations) {
    }
}
