package io.consilium.cases.service;

import io.consilium.cases.domain.RosterRow;
import io.consilium.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The roster's CSV is RFC 4180, read by a real CSV parser, streamed. */
class RosterCsvTest {

    @Test
    void plainRowsWithTheirLines() {
        List<RosterRow> rows = read("memberId,plan,validFrom,validTo\nM-1,Standard,2026-01-01,\n\nM-2,Gold,2026-02-01,2026-12-31\n");
        assertThat(rows).extracting(RosterRow::memberId).containsExactly("M-1", "M-2");
        assertThat(rows).extracting(RosterRow::line).containsExactly(2L, 4L);
        assertThat(rows.get(0).validTo()).isNull();
        assertThat(rows.get(1).validTo()).isEqualTo("2026-12-31");
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() {
        List<RosterRow> rows = read("memberId,plan,validFrom\n"
                + "M-1,\"Standard, family\",2026-01-01\n"
                + "M-2,\"The \"\"Gold\"\" plan\",2026-01-01\n"
                + "M-3,\"Two\nlines\",2026-01-01\n"
                + "M-4,Standard,2026-01-01\n");
        assertThat(rows).extracting(RosterRow::plan)
                .containsExactly("Standard, family", "The \"Gold\" plan", "Two\nlines", "Standard");
        assertThat(rows.get(3).line()).as("the line after a quoted line break").isEqualTo(6L);
    }

    @Test
    void byteOrderMarkAndCrLfAreFine() {
        List<RosterRow> rows = read("\uFEFFmemberId,plan,validFrom\r\nM-1,Standard,2026-01-01\r\nM-2,Standard,2026-01-01\r\n");
        assertThat(rows).extracting(RosterRow::memberId).containsExactly("M-1", "M-2");
        assertThat(rows).extracting(RosterRow::validFrom).containsOnly("2026-01-01");
    }

    @Test
    void columnsInAnyOrderAndSpacesAroundNames() {
        List<RosterRow> rows = read("validFrom , plan,memberId\n2026-01-01,Standard, M-1 \n");
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.memberId()).isEqualTo("M-1");
            assertThat(r.plan()).isEqualTo("Standard");
        });
    }

    @Test
    void missingColumnOrUnclosedQuoteIsRefused() {
        assertThatThrownBy(() -> read("memberId,validFrom\nM-1,2026-01-01\n"))
                .isInstanceOfSatisfying(ProblemException.InvalidRequest.class,
                        e -> assertThat(e.violations().get(0).message()).contains("plan"));
        assertThatThrownBy(() -> read("memberId,plan,validFrom\nM-1,\"Standard,2026-01-01\n"))
                .isInstanceOf(ProblemException.InvalidRequest.class);
    }

    private static List<RosterRow> read(String csv) {
        List<RosterRow> rows = new ArrayList<>();
        RosterImport.readCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), rows::add);
        return rows;
    }
}
