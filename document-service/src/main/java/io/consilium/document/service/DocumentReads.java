package io.consilium.document.service;

import io.consilium.document.domain.DicomInstance;
import io.consilium.document.domain.Document;
import io.consilium.document.security.CaseFileLookup;
import io.consilium.document.security.DocumentAccess.Level;
import io.consilium.platform.audit.AuditTrail;
import io.consilium.platform.audit.AuditedAccess;
import io.consilium.platform.paging.Page;
import io.consilium.platform.paging.PageRequest;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Reading a case's documents, their DICOM index and their content: each read checks the caller's access to the
 * case at that moment (so a revoked consent or a decline cuts access at once) and is audited.
 */
@ApplicationScoped
public class DocumentReads {

    private final CaseFileLookup lookup;
    private final AuditTrail audit;

    DocumentReads(CaseFileLookup lookup, AuditTrail audit) {
        this.lookup = lookup;
        this.audit = audit;
    }

    public record DocumentWithIndex(Document document, List<DicomInstance> dicom) {
    }

    @Transactional
    public List<Document> ofCase(Caller caller, UUID caseId) {
        CaseFileLookup.Accessible access = lookup.require(caller, caseId, Level::mayRead, "case", String.valueOf(caseId),
                "LIST_DOCUMENTS");
        audit.allowed(caller, new AuditedAccess("case", caseId.toString(), caseId.toString(), access.file().tenant,
                "LIST_DOCUMENTS", purpose(access.level())));
        return Document.ofCase(caseId);
    }

    @Transactional
    public DocumentWithIndex one(Caller caller, UUID documentId) {
        Document document = visible(caller, documentId, "READ");
        return new DocumentWithIndex(document, DicomInstance.list("documentId = ?1 order by id", documentId));
    }

    /** The document whose content is about to be sent; audited as a download. */
    @Transactional
    public Document forDownload(Caller caller, UUID documentId) {
        return visible(caller, documentId, "DOWNLOAD");
    }

    @Transactional
    /** A zipped study can index 100,000 instances, so the search is paged. */
    public Page<DicomInstance> imaging(Caller caller, UUID caseId, String studyUid, String modality, PageRequest page) {
        CaseFileLookup.Accessible access = lookup.require(caller, caseId, Level::mayRead, "case", String.valueOf(caseId),
                "SEARCH_IMAGING");
        audit.allowed(caller, new AuditedAccess("case", caseId.toString(), caseId.toString(), access.file().tenant,
                "SEARCH_IMAGING", purpose(access.level())));
        StringBuilder query = new StringBuilder("caseId = :caseId");
        var params = new java.util.HashMap<String, Object>();
        params.put("caseId", caseId);
        if (studyUid != null && !studyUid.isBlank()) {
            query.append(" and studyInstanceUid = :study");
            params.put("study", studyUid.trim());
        }
        if (modality != null && !modality.isBlank()) {
            query.append(" and modality = :modality");
            params.put("modality", modality.trim().toUpperCase(java.util.Locale.ROOT));
        }
        query.append(" order by studyInstanceUid, seriesInstanceUid, id");
        return Page.of(DicomInstance.find(query.toString(), params), page);
    }

    private Document visible(Caller caller, UUID documentId, String action) {
        Document document = Document.findById(documentId);
        if (document == null) {
            audit.denied(caller, new AuditedAccess("document", documentId.toString(), null, null, action,
                    "not visible to caller"));
            throw new ProblemException.NotFound("Document " + documentId);
        }
        CaseFileLookup.Accessible access = lookup.require(caller, document.caseId, Level::mayRead, "document",
                documentId.toString(), action);
        audit.allowed(caller, new AuditedAccess("document", documentId.toString(), document.caseId.toString(),
                document.tenant, action, purpose(access.level())));
        return document;
    }

    private static String purpose(Level level) {
        return level == Level.READ ? "second opinion" : "care";
    }
}
