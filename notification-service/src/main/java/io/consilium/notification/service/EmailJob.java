package io.consilium.notification.service;

import io.consilium.notification.domain.RecipientKind;

import java.util.UUID;

/**
 * What sending one e-mail delivery needs: who, about what, in which case and language ({@code chosenLanguage}: the
 * recipient's own preference, or null).
 */
record EmailJob(UUID deliveryId, String eventType, UUID caseId, RecipientKind recipientKind, String recipient,
                String caseLanguage, String slaStatus, String chosenLanguage) {
}
