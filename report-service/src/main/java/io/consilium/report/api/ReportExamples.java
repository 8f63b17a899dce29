package io.consilium.report.api;

/**
 * Example bodies of the OpenAPI document, from the product's two stories, so the console shows what a real report
 * looks like. They live here, not on the domain records ({@code ReportContent}, {@code Consolidation.View}),
 * because the domain stays free of API annotations.
 * <ul>
 *     <li>Two years of itching and rashes treated as a food allergy: the dermatologist and the allergist of the
 *     panel find an allergic contact dermatitis to a preservative.</li>
 *     <li>An intraocular tumour: three experts in the US and Spain agree on plaque brachytherapy, which keeps the
 *     eye, instead of its removal.</li>
 * </ul>
 */
final class ReportExamples {

    /** The dermatologist's report on the itching and rashes. */
    static final String CONTENT = """
            {
              "diagnosisAssessment": "CHANGED",
              "diagnosis": "Chronic allergic contact dermatitis to methylisothiazolinone, not a food allergy",
              "diagnosisIcd10": "L23.5",
              "recommendedTreatment": "Avoid every product containing methylisothiazolinone (shower gel, liquid soap, wet wipes); mometasone cream for flares; end the elimination diet",
              "treatmentChanged": true,
              "alternatives": [
                {"treatment": "Continue the food elimination diet", "benefits": "None expected: the food challenges were negative", "risks": "Weight loss and deficiencies while the rashes go on"}
              ],
              "waitAndSee": "Not advised: the dermatitis persists as long as the contact does",
              "clinicalTrials": [],
              "surgeryNecessary": "NO",
              "prognosis": "The skin clears within four to eight weeks of strict avoidance; a flare means renewed contact",
              "whyDifferent": "The rashes follow where the shower gel touches the skin, not the meals; no patch test had been done",
              "testsToAdd": [],
              "testsToStop": [],
              "medications": ["Preservative-free emollient twice daily"],
              "recommendedTreatmentCode": "ALLERGEN_AVOIDANCE",
              "testsToAddCoded": [{"code": "PATCH_TEST_PRESERVATIVES", "text": "European baseline series with methylisothiazolinone"}],
              "testsToStopCoded": [{"code": "SPECIFIC_IGE_FOOD", "text": "Repeated food-specific IgE panels"}],
              "medicationsAtc": [
                {"atc": "D07AC13", "text": "Mometasone furoate 0.1% cream once daily for up to two weeks per flare"},
                {"atc": "R06AE07", "text": "Cetirizine 10 mg at night while itching"}
              ],
              "answers": [
                {"questionCode": "DIAGNOSIS_CORRECT", "text": "No. The itching and rashes are an allergy to a preservative in your shower gel and soap, not to food."},
                {"questionCode": "WHY_DIFFERENT", "text": "Your rashes appear where these products touch the skin. A patch test will confirm it; food tests cannot."}
              ]
            }""";

    /** The same report as the patient reads it after release (annotation values must be constants: no format()). */
    static final String REPORT_VIEW = """
            {
              "id": "6f1c2b8e-4d7a-4e3b-9c2f-8a1d5e7b3c90",
              "caseId": "2a9e4c6b-8d1f-4b3a-a7c5-3e9f1b2d4c60",
              "specialistSubject": "sp-dermatology-lucia-ortega",
              "state": "RELEASED",
              "latestVersion": 2,
              "content": """ + CONTENT + """
            ,
              "createdAt": "2026-11-02T09:14:00Z",
              "updatedAt": "2026-11-09T16:40:12Z",
              "releasedAt": "2026-11-10T08:00:03Z",
              "author": {"subject": "sp-dermatology-lucia-ortega", "name": "Dr. Lucía Ortega", "role": "specialist"},
              "reviewedBy": {"subject": "dr-carla-ruiz", "name": "Dr. Carla Ruiz", "role": "case-manager"},
              "releasedBy": {"subject": "dr-carla-ruiz", "name": "Dr. Carla Ruiz", "role": "case-manager"}
            }""";

    /** The three experts on the intraocular tumour agree on every point. */
    static final String CONSOLIDATION = """
            {
              "reports": 3,
              "points": [
                {"point": "diagnosisAssessment", "question": "DIAGNOSIS_CORRECT", "outcome": "AGREED", "basis": "CODE",
                 "agreed": true, "values": {
                  "3c5e7a9b-1d2f-4a6c-8e0b-2f4a6c8e0b10": "CONFIRMED",
                  "7d9f1b3c-5e7a-4c9e-b1d3-6a8c0e2f4b20": "CONFIRMED",
                  "b1d3f5a7-9c1e-4e3a-95b7-0c2e4a6c8e30": "CONFIRMED"}, "positions": [], "items": []},
                {"point": "recommendedTreatment", "question": null, "outcome": "AGREED", "basis": "CODE", "agreed": true,
                 "values": {
                  "3c5e7a9b-1d2f-4a6c-8e0b-2f4a6c8e0b10": "PLAQUE_BRACHYTHERAPY",
                  "7d9f1b3c-5e7a-4c9e-b1d3-6a8c0e2f4b20": "PLAQUE_BRACHYTHERAPY",
                  "b1d3f5a7-9c1e-4e3a-95b7-0c2e4a6c8e30": "PLAQUE_BRACHYTHERAPY"},
                 "positions": [
                  {"reportId": "3c5e7a9b-1d2f-4a6c-8e0b-2f4a6c8e0b10", "specialist": "Prof. Henry Walsh",
                   "code": "PLAQUE_BRACHYTHERAPY", "text": "Iodine-125 plaque brachytherapy", "codes": [], "uncoded": [], "reason": null},
                  {"reportId": "7d9f1b3c-5e7a-4c9e-b1d3-6a8c0e2f4b20", "specialist": "Prof. Kate Moreno",
                   "code": "PLAQUE_BRACHYTHERAPY", "text": "I-125 plaque brachytherapy.", "codes": [], "uncoded": [], "reason": null},
                  {"reportId": "b1d3f5a7-9c1e-4e3a-95b7-0c2e4a6c8e30", "specialist": "Dr. Javier Jara",
                   "code": "PLAQUE_BRACHYTHERAPY", "text": "Braquiterapia epiescleral con I-125", "codes": [], "uncoded": [], "reason": null}],
                 "items": []},
                {"point": "testsToAdd", "question": null, "outcome": "PARTLY_AGREED", "basis": "CODE", "agreed": false,
                 "values": {
                  "3c5e7a9b-1d2f-4a6c-8e0b-2f4a6c8e0b10": "LIVER_MRI,TUMOUR_GENE_EXPRESSION_PROFILE",
                  "7d9f1b3c-5e7a-4c9e-b1d3-6a8c0e2f4b20": "LIVER_MRI",
                  "b1d3f5a7-9c1e-4e3a-95b7-0c2e4a6c8e30": "LIVER_MRI"},
                 "positions": [],
                 "items": [
                  {"code": "LIVER_MRI", "outcome": "AGREED", "namedBy": ["3c5e7a9b-1d2f-4a6c-8e0b-2f4a6c8e0b10",
                   "7d9f1b3c-5e7a-4c9e-b1d3-6a8c0e2f4b20", "b1d3f5a7-9c1e-4e3a-95b7-0c2e4a6c8e30"],
                   "namedByNames": ["Prof. Henry Walsh", "Prof. Kate Moreno", "Dr. Javier Jara"]},
                  {"code": "TUMOUR_GENE_EXPRESSION_PROFILE", "outcome": "PARTLY_AGREED",
                   "namedBy": ["3c5e7a9b-1d2f-4a6c-8e0b-2f4a6c8e0b10"], "namedByNames": ["Prof. Henry Walsh"]}]}
              ],
              "differing": ["testsToAdd"],
              "notComparable": []
            }""";

    private ReportExamples() {
    }
}
