package io.consilium.cases.api;

import io.consilium.cases.domain.CaseOutcome;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The insurer's CSV of statistics per case (RFC 4180: comma, CRLF, a header line, quotes where needed). Columns are
 * fixed and documented in the README; an empty cell is "not known" or, with {@code outcome_shared=false},
 * "withheld". Every value is a code, a number, an id or an instant, never free text; a cell starting with
 * {@code = + - @} is still prefixed with a quote so a spreadsheet never runs it as a formula.
 */
final class CaseOutcomesCsv {

    static final List<String> COLUMNS = List.of("case_id", "tenant", "member_id", "state", "requested_specialty",
            "urgency", "submitted_at", "report_released_at", "hours_to_report", "outcome_shared", "reports",
            "assessment", "agreement", "treatment_changed", "surgery_asked", "surgery_necessary", "surgery_avoided",
            "opinion_followed");

    private CaseOutcomesCsv() {
    }

    static String of(List<CaseOutcome> lines) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (CaseOutcome l : lines) {
            out.append(Stream.of(l.caseId(), l.tenant(), l.memberId(), l.state(), l.requestedSpecialty(), l.urgency(),
                            l.submittedAt(), l.reportReleasedAt(), l.hoursToReport(), l.outcomeShared(), l.reports(),
                            l.assessment(), l.agreement(), l.treatmentChanged(), l.surgeryAsked(), l.surgeryNecessary(),
                            l.surgeryAvoided(), l.opinionFollowed())
                    .map(CaseOutcomesCsv::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = Objects.toString(value);
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
