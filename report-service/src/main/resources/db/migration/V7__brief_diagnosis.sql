-- Issue 13: the patient's summary says what changed: the diagnosis and the proposed treatment the patient came
-- with, from the latest brief (consilium.case.brief-changed.v1's diagnosisText, diagnosisIcd10, proposedTreatment).
-- Null until a brief carrying them arrives; never shown to a partner.
alter table case_file add column brief_diagnosis varchar(2000);
alter table case_file add column brief_diagnosis_icd10 varchar(10);
alter table case_file add column brief_proposed_treatment varchar(4000);
