package io.consilium.report.domain;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A code that must be in one of the {@link CodeCatalogue}s (null is allowed: the code is optional beside free
 * text). A violation names the field, so the caller learns which of the report's codes is wrong (400).
 */
@Documented
@Constraint(validatedBy = CatalogueCode.Check.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface CatalogueCode {

    CodeCatalogue.Kind value();

    String message() default "is not a code of the catalogue";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<CatalogueCode, String> {

        private CodeCatalogue.Kind kind;

        @Override
        public void initialize(CatalogueCode annotation) {
            kind = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || CodeCatalogue.standard().knows(kind, value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // The value is not echoed: a message template is interpolated, and the caller knows what it sent.
            context.buildConstraintViolationWithTemplate("is not in the catalogue of " + kind.label
                    + " (catalogues/README.md)").addConstraintViolation();
            return false;
        }
    }
}
