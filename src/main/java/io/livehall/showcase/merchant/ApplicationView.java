package io.livehall.showcase.merchant;

import java.time.Instant;
import java.util.List;

import io.livehall.identity.Enterprise;
import io.livehall.showcase.ProductCategory;

/** An application with the applying enterprise, its documents and its status history (oldest first). */
record ApplicationView(long id, long roundId, String roundName, Enterprise enterprise, long applicantId,
                       String applicantName, String contactName, String contactPhone, ProductCategory category,
                       String proposedProducts, ApplicationStatus status, String decisionReason,
                       List<Document> documents, List<StatusChange> history, Instant createdAt, Instant updatedAt) {

    /** A document; {@code url} downloads it (uploader and organisers only). */
    record Document(long fileId, DocumentKind kind, String name, String contentType, long sizeBytes, String url) {
    }

    /** One row of the status history; {@code from} is null for the first submission. */
    record StatusChange(ApplicationStatus from, ApplicationStatus to, String reason, long actorId, String actorName,
                        Instant at) {
    }

    ApplicationView with(List<Document> documents, List<StatusChange> history) {
        return new ApplicationView(id, roundId, roundName, enterprise, applicantId, applicantName, contactName,
                contactPhone, category, proposedProducts, status, decisionReason, documents, history, createdAt,
                updatedAt);
    }

    /** As the applicant sees it: reviewers are named by their role, not personally. */
    ApplicationView forApplicant() {
        List<StatusChange> masked = history.stream()
                .map(c -> c.actorId() == applicantId ? c
                        : new StatusChange(c.from(), c.to(), c.reason(), 0, "组织方", c.at()))
                .toList();
        return with(documents, masked);
    }
}
