package io.consilium.specialist.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A checklist item the personal doctor asked for ({@code records-requested}), as the brief lists it. */
@Entity
@Table(name = "case_record_item")
@IdClass(CaseRecordItem.Key.class)
public class CaseRecordItem extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;
    @Id
    public String code;
    @Column(nullable = false)
    public String label;
    @Column(nullable = false)
    public boolean required;

    /** Asked again with the same code: the newer label and requirement replace the older (no twin items). */
    public static void asked(UUID caseId, String code, String label, boolean required) {
        CaseRecordItem item = findById(new Key(caseId, code));
        if (item != null) {
            item.label = label;
            item.required = required;
            return;
        }
        item = new CaseRecordItem();
        item.caseId = caseId;
        item.code = code;
        item.label = label;
        item.required = required;
        item.persist();
    }

    public static List<CaseRecordItem> ofCase(UUID caseId) {
        return list("caseId = ?1 order by code", caseId);
    }

    public static class Key implements Serializable {
        public UUID caseId;
        public String code;

        public Key() {
        }

        Key(UUID caseId, String code) {
            this.caseId = caseId;
            this.code = code;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(caseId, k.caseId) && Objects.equals(code, k.code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(caseId, code);
        }
    }
}
