package io.consilium.report.api;

import io.consilium.platform.testing.ApiProbe;
import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.ProbeObjects;
import io.consilium.platform.testing.Tokens;
import io.consilium.report.support.Panel;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The platform's probe of every report-service operation in its OpenAPI document (no token 401, except the share
 * link; NUL, BEL, bidi override and 1 MB strings refused with 4xx problem+json and nothing stored; outsiders 403/404
 * without a word of the report). The fixture: a case with a panel of one and its submitted report; the outsiders
 * are a specialist of no panel, a personal doctor and a patient of the same insurer who are not the case's, a
 * partner, and ops without break-glass.
 */
@QuarkusTest
class ApiProbeTest extends ApiProbe {

    @Override
    protected Set<String> publicOperations() {
        return Set.of("GET /api/v1/shared-reports/{token}");
    }

    @Override
    protected Map<String, Object> sampleValues() {
        // catalogue codes (issue 13): one of each catalogue, so the sample body is valid
        return Map.of("questionCode", "DIAGNOSIS_CORRECT", "clinicalTrials", java.util.List.of("NCT01234567"),
                "diagnosisIcd10", "C61", "recommendedTreatmentCode", "ACTIVE_SURVEILLANCE",
                "treatmentCode", "ACTIVE_SURVEILLANCE", "code", "PSA", "atc", "R06AE07");
    }

    @Override
    protected Map<String, String> backgroundTables() {
        return Map.of(
                "case_file", "CaseAndPanelRecorder: case-service's case events (earlier tests' events too)",
                "case_consent", "CaseAndPanelRecorder: consents granted and revoked",
                "case_request", "CaseBundleInputs: case.submitted (earlier tests' events too)",
                "case_step", "CaseBundleInputs: the lifecycle events",
                "case_expert", "CaseBundleInputs: specialist.invited and accepted",
                "case_record", "CaseBundleInputs: document.uploaded and rejected",
                "case_consent_record", "CaseBundleInputs: every consent granted and revoked");
    }

    @Override
    protected ProbeObjects objects() {
        Panel p;
        try (KafkaCompanion kafka = Broker.companion()) {
            p = Panel.of(1, kafka);
        }
        p.saveDraft(0, Panel.content("CONFIRMED", "NO", "Watchful waiting with PSA checks")).statusCode(200);
        p.submit(0).statusCode(200);
        return ProbeObjects.create()
                .id("caseId", p.caseId)
                .id("reportId", p.reportIds.get(0))
                .id("number", "1")
                .notAnObject("linkId", "share links are the patient's; the case's id is the real one, so an outsider is"
                        + " refused on the case (a random link id)")
                .notAnObject("questionId", "follow-up questions belong to the report, whose id is the real one")
                .notAnObject("token", "the share link's token is the only credential of that public endpoint (ShareLinkTest)")
                .notAnObject("dead-letters/{id}", "dead letters are for ops only, who see every one")
                .outsider("specialist", Tokens.specialist("sp-outsider-" + UUID.randomUUID()))
                .outsider("case-manager", Tokens.caseManager("dr-outsider-" + UUID.randomUUID(), p.tenant))
                .outsider("patient", Tokens.patient("p-outsider-" + UUID.randomUUID(), p.tenant))
                .outsider("partner", Tokens.partner(p.tenant))
                .outsider("ops", Tokens.ops("ops-outsider"))
                .secret("Adenocarcinoma of the prostate", "Watchful waiting with PSA checks", "Incontinence",
                        "Excellent ten-year survival", "The biopsy grading was reviewed", "Mostly correct",
                        p.subjects.get(0));
    }
}
