package io.consilium.platform.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Turns Bean Validation violations into problem violations named by the client's field path; public for bulk
 * imports that validate row by row.
 */
public final class ConstraintViolations {

    private ConstraintViolations() {
    }

    public static List<Violation> toViolations(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new Violation(field(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .toList();
    }

    /**
     * {@code create.request.patient.email} becomes {@code patient.email}; a query parameter keeps its name
     * ({@code list.size} becomes {@code size}); list elements become {@code reasons[1]}.
     */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        boolean hasProperty = false;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            // Bean Validation puts a collection's index on the node that follows the collection.
            if (node.isInIterable()) {
                if (node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null) {
                    field.append('[').append(node.getKey()).append(']');
                }
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
                hasProperty = true;
            }
        }
        if (!hasProperty && parameter != null) {
            return parameter + field;
        }
        return field.toString();
    }
}
