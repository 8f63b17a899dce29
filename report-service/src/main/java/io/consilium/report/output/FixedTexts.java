package io.consilium.report.output;

import java.util.Map;

/** The fixed texts of the PDFs in the patient's language (en, es, de, fr; English otherwise). */
public final class FixedTexts {

    private static final Map<String, Map<String, String>> TEXTS = merged(Map.of(
            "en", Map.ofEntries(
                    Map.entry("summaryTitle", "Your second opinion: summary"),
                    Map.entry("fullTitle", "Expert report"),
                    Map.entry("specialist", "Specialist"),
                    Map.entry("diagnosis", "Diagnosis"),
                    Map.entry("CONFIRMED", "The specialist confirms your diagnosis."),
                    Map.entry("REFINED", "The specialist refines your diagnosis."),
                    Map.entry("CHANGED", "The specialist comes to a different diagnosis."),
                    Map.entry("treatment", "Recommended treatment"),
                    Map.entry("alternatives", "Alternatives"),
                    Map.entry("benefits", "Benefits"),
                    Map.entry("risks", "Risks"),
                    Map.entry("waitAndSee", "Waiting and watching"),
                    Map.entry("trials", "Clinical trials"),
                    Map.entry("surgery", "Is surgery necessary?"),
                    Map.entry("YES", "Yes"), Map.entry("NO", "No"), Map.entry("UNCERTAIN", "Uncertain"),
                    Map.entry("prognosis", "Prognosis"),
                    Map.entry("whyDifferent", "Why the opinion differs"),
                    Map.entry("testsToAdd", "Tests to add"),
                    Map.entry("testsToStop", "Tests to stop"),
                    Map.entry("medications", "Medications"),
                    Map.entry("questions", "Your questions"),
                    Map.entry("addenda", "Follow-up questions"),
                    Map.entry("version", "Version"),
                    Map.entry("q.DIAGNOSIS_CORRECT", "Is my diagnosis correct?"),
                    Map.entry("q.ALTERNATIVES", "What are the alternatives to the proposed treatment?"),
                    Map.entry("q.BENEFITS_RISKS", "What are the benefits and risks of the treatment?"),
                    Map.entry("q.WAIT_AND_SEE", "Can I wait and watch?"),
                    Map.entry("q.CLINICAL_TRIALS", "Are there clinical trials for me?"),
                    Map.entry("q.SURGERY_NECESSARY", "Is surgery necessary?"),
                    Map.entry("q.PROGNOSIS", "What is my prognosis?"),
                    Map.entry("q.WHY_DIFFERENT", "Why does this opinion differ from my doctor's?"),
                    Map.entry("ownQuestion", "Your own question"),
                    Map.entry("disclaimer", "Discuss this opinion with your doctor before changing any treatment.")),
            "es", Map.ofEntries(
                    Map.entry("summaryTitle", "Su segunda opinión: resumen"),
                    Map.entry("fullTitle", "Informe del experto"),
                    Map.entry("specialist", "Especialista"),
                    Map.entry("diagnosis", "Diagnóstico"),
                    Map.entry("CONFIRMED", "El especialista confirma su diagnóstico."),
                    Map.entry("REFINED", "El especialista precisa su diagnóstico."),
                    Map.entry("CHANGED", "El especialista llega a un diagnóstico diferente."),
                    Map.entry("treatment", "Tratamiento recomendado"),
                    Map.entry("alternatives", "Alternativas"),
                    Map.entry("benefits", "Beneficios"),
                    Map.entry("risks", "Riesgos"),
                    Map.entry("waitAndSee", "Esperar y observar"),
                    Map.entry("trials", "Ensayos clínicos"),
                    Map.entry("surgery", "¿Es necesaria la cirugía?"),
                    Map.entry("YES", "Sí"), Map.entry("NO", "No"), Map.entry("UNCERTAIN", "Incierto"),
                    Map.entry("prognosis", "Pronóstico"),
                    Map.entry("whyDifferent", "Por qué difiere la opinión"),
                    Map.entry("testsToAdd", "Pruebas a añadir"),
                    Map.entry("testsToStop", "Pruebas a suspender"),
                    Map.entry("medications", "Medicamentos"),
                    Map.entry("questions", "Sus preguntas"),
                    Map.entry("addenda", "Preguntas de seguimiento"),
                    Map.entry("version", "Versión"),
                    Map.entry("q.DIAGNOSIS_CORRECT", "¿Es correcto mi diagnóstico?"),
                    Map.entry("q.ALTERNATIVES", "¿Qué alternativas hay al tratamiento propuesto?"),
                    Map.entry("q.BENEFITS_RISKS", "¿Qué beneficios y riesgos tiene el tratamiento?"),
                    Map.entry("q.WAIT_AND_SEE", "¿Puedo esperar y observar?"),
                    Map.entry("q.CLINICAL_TRIALS", "¿Hay ensayos clínicos para mí?"),
                    Map.entry("q.SURGERY_NECESSARY", "¿Es necesaria la cirugía?"),
                    Map.entry("q.PROGNOSIS", "¿Cuál es mi pronóstico?"),
                    Map.entry("q.WHY_DIFFERENT", "¿Por qué difiere esta opinión de la de mi médico?"),
                    Map.entry("ownQuestion", "Su propia pregunta"),
                    Map.entry("disclaimer", "Hable de esta opinión con su médico antes de cambiar cualquier tratamiento.")),
            "de", Map.ofEntries(
                    Map.entry("summaryTitle", "Ihre Zweitmeinung: Zusammenfassung"),
                    Map.entry("fullTitle", "Gutachten"),
                    Map.entry("specialist", "Facharzt"),
                    Map.entry("diagnosis", "Diagnose"),
                    Map.entry("CONFIRMED", "Der Facharzt bestätigt Ihre Diagnose."),
                    Map.entry("REFINED", "Der Facharzt präzisiert Ihre Diagnose."),
                    Map.entry("CHANGED", "Der Facharzt kommt zu einer anderen Diagnose."),
                    Map.entry("treatment", "Empfohlene Behandlung"),
                    Map.entry("alternatives", "Alternativen"),
                    Map.entry("benefits", "Nutzen"),
                    Map.entry("risks", "Risiken"),
                    Map.entry("waitAndSee", "Abwarten und beobachten"),
                    Map.entry("trials", "Klinische Studien"),
                    Map.entry("surgery", "Ist eine Operation notwendig?"),
                    Map.entry("YES", "Ja"), Map.entry("NO", "Nein"), Map.entry("UNCERTAIN", "Unklar"),
                    Map.entry("prognosis", "Prognose"),
                    Map.entry("whyDifferent", "Warum die Meinung abweicht"),
                    Map.entry("testsToAdd", "Zusätzliche Untersuchungen"),
                    Map.entry("testsToStop", "Verzichtbare Untersuchungen"),
                    Map.entry("medications", "Medikamente"),
                    Map.entry("questions", "Ihre Fragen"),
                    Map.entry("addenda", "Nachfragen"),
                    Map.entry("version", "Version"),
                    Map.entry("q.DIAGNOSIS_CORRECT", "Ist meine Diagnose richtig?"),
                    Map.entry("q.ALTERNATIVES", "Welche Alternativen gibt es zur vorgeschlagenen Behandlung?"),
                    Map.entry("q.BENEFITS_RISKS", "Welchen Nutzen und welche Risiken hat die Behandlung?"),
                    Map.entry("q.WAIT_AND_SEE", "Kann ich abwarten und beobachten?"),
                    Map.entry("q.CLINICAL_TRIALS", "Gibt es klinische Studien für mich?"),
                    Map.entry("q.SURGERY_NECESSARY", "Ist eine Operation notwendig?"),
                    Map.entry("q.PROGNOSIS", "Wie ist meine Prognose?"),
                    Map.entry("q.WHY_DIFFERENT", "Warum weicht diese Meinung von der meines Arztes ab?"),
                    Map.entry("ownQuestion", "Ihre eigene Frage"),
                    Map.entry("disclaimer", "Besprechen Sie diese Meinung mit Ihrem Arzt, bevor Sie eine Behandlung ändern.")),
            "fr", Map.ofEntries(
                    Map.entry("summaryTitle", "Votre deuxième avis : résumé"),
                    Map.entry("fullTitle", "Rapport d'expert"),
                    Map.entry("specialist", "Spécialiste"),
                    Map.entry("diagnosis", "Diagnostic"),
                    Map.entry("CONFIRMED", "Le spécialiste confirme votre diagnostic."),
                    Map.entry("REFINED", "Le spécialiste précise votre diagnostic."),
                    Map.entry("CHANGED", "Le spécialiste arrive à un diagnostic différent."),
                    Map.entry("treatment", "Traitement recommandé"),
                    Map.entry("alternatives", "Alternatives"),
                    Map.entry("benefits", "Bénéfices"),
                    Map.entry("risks", "Risques"),
                    Map.entry("waitAndSee", "Attendre et surveiller"),
                    Map.entry("trials", "Essais cliniques"),
                    Map.entry("surgery", "La chirurgie est-elle nécessaire ?"),
                    Map.entry("YES", "Oui"), Map.entry("NO", "Non"), Map.entry("UNCERTAIN", "Incertain"),
                    Map.entry("prognosis", "Pronostic"),
                    Map.entry("whyDifferent", "Pourquoi l'avis diffère"),
                    Map.entry("testsToAdd", "Examens à ajouter"),
                    Map.entry("testsToStop", "Examens à arrêter"),
                    Map.entry("medications", "Médicaments"),
                    Map.entry("questions", "Vos questions"),
                    Map.entry("addenda", "Questions de suivi"),
                    Map.entry("version", "Version"),
                    Map.entry("q.DIAGNOSIS_CORRECT", "Mon diagnostic est-il correct ?"),
                    Map.entry("q.ALTERNATIVES", "Quelles sont les alternatives au traitement proposé ?"),
                    Map.entry("q.BENEFITS_RISKS", "Quels sont les bénéfices et les risques du traitement ?"),
                    Map.entry("q.WAIT_AND_SEE", "Puis-je attendre et surveiller ?"),
                    Map.entry("q.CLINICAL_TRIALS", "Existe-t-il des essais cliniques pour moi ?"),
                    Map.entry("q.SURGERY_NECESSARY", "La chirurgie est-elle nécessaire ?"),
                    Map.entry("q.PROGNOSIS", "Quel est mon pronostic ?"),
                    Map.entry("q.WHY_DIFFERENT", "Pourquoi cet avis diffère-t-il de celui de mon médecin ?"),
                    Map.entry("ownQuestion", "Votre propre question"),
                    Map.entry("disclaimer", "Parlez de cet avis avec votre médecin avant de modifier un traitement."))),
            SummaryTexts.ENTRIES);

    /** The older texts and the summary's ({@link SummaryTexts}) as one table per language. */
    private static Map<String, Map<String, String>> merged(Map<String, Map<String, String>> base,
                                                           Map<String, Map<String, String>> more) {
        Map<String, Map<String, String>> all = new java.util.HashMap<>();
        base.forEach((language, texts) -> {
            Map<String, String> m = new java.util.HashMap<>(texts);
            m.putAll(more.getOrDefault(language, Map.of()));
            all.put(language, Map.copyOf(m));
        });
        return Map.copyOf(all);
    }

    private final Map<String, String> texts;
    private final String language;

    private FixedTexts(Map<String, String> texts, String language) {
        this.texts = texts;
        this.language = language;
    }

    public static FixedTexts in(String language) {
        String l = language != null && TEXTS.containsKey(language) ? language : "en";
        return new FixedTexts(TEXTS.get(l), l);
    }

    /** The heading of a standard question (its code when the code is not one of the eight). */
    public String standardQuestion(String code) {
        String key = "q." + code;
        return texts.containsKey(key) || TEXTS.get("en").containsKey(key) ? get(key) : code;
    }

    /** The language these texts are in (en when the patient's is not one of ours). */
    public String language() {
        return language;
    }

    /** A specialty from the directory (e.g. allergy-immunology) as words, the code tidied when it has no text. */
    public String specialty(String code) {
        if (code == null) {
            return null;
        }
        String key = "specialty." + code;
        if (texts.containsKey(key)) {
            return texts.get(key);
        }
        String words = code.replace('-', ' ').replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public String get(String key) {
        return texts.getOrDefault(key, TEXTS.get("en").getOrDefault(key, key));
    }
}
