package io.consilium.notification.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTextsTest {

    final MessageTexts texts = new MessageTexts();

    /** Every event a person is told about (the routing table's person routes). */
    static final List<String> PERSON_EVENTS = List.of("consilium.case.records-requested.v1", "consilium.document.rejected.v1",
            "consilium.specialist.invited.v1", "consilium.specialist.invitation-reminder-due.v1",
            "consilium.specialist.no-candidate.v1", "consilium.report.submitted.v1", "consilium.report.released.v1",
            "consilium.case.sla-status-changed.v1", "consilium.case.follow-up-due.v1");

    @Test
    void everyEventHasEveryPartInEveryLanguage() throws Exception {
        RoutingTable table = RoutingTableTest.configured();
        for (String type : table.all().keySet()) {
            boolean toPeople = table.routes(type).stream().anyMatch(r -> r.channel() != Channel.WEBHOOK);
            assertThat(texts.has(type)).as(type).isEqualTo(toPeople);
        }
        for (String type : PERSON_EVENTS) {
            for (String language : MessageTexts.LANGUAGES) {
                java.util.Properties own = new java.util.Properties();
                try (var in = getClass().getResourceAsStream("/messages/" + language + ".properties")) {
                    own.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
                }
                for (MessageTexts.Part part : MessageTexts.Part.values()) {
                    // present in the language itself, not only through the fallback
                    assertThat(own.getProperty(MessageTexts.key(type) + "." + part.key)).as("%s %s %s", language, type, part)
                            .isNotBlank().contains("{caseRef}");
                }
            }
        }
    }

    @Test
    void eachLanguageHasItsOwnTextsAndOthersFallBackToEnglish() {
        String type = "consilium.report.released.v1";
        assertThat(texts.text("en", type, MessageTexts.Part.SUBJECT)).contains("Your second opinion {caseRef} is ready");
        assertThat(texts.text("es", type, MessageTexts.Part.SUBJECT)).contains("Su segunda opinión {caseRef} está lista");
        assertThat(texts.text("de", type, MessageTexts.Part.SUBJECT)).contains("Ihre Zweitmeinung {caseRef} liegt vor");
        assertThat(texts.text("fr", type, MessageTexts.Part.SUBJECT)).contains("Votre second avis {caseRef} est prêt");
        assertThat(texts.text("it", type, MessageTexts.Part.SUBJECT)).isEqualTo(texts.text("en", type, MessageTexts.Part.SUBJECT));
        assertThat(MessageTexts.language("IT")).isEqualTo("en");
        assertThat(MessageTexts.language(null)).isEqualTo("en");
        assertThat(MessageTexts.language("DE")).isEqualTo("de");
        assertThat(texts.text("es", "consilium.case.consent-granted.v1", MessageTexts.Part.SUBJECT)).isEmpty();
        assertThat(texts.word("fr", "status.BREACHED")).contains("dépassé");
    }
}
