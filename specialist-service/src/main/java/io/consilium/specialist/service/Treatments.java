package io.consilium.specialist.service;

import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;
import io.consilium.specialist.domain.TreatmentCatalogue;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The treatment catalogue as this service reads it: {@code catalogues/treatments.csv} from the repository root,
 * packaged as a resource (specialist-service/pom.xml), loaded once. A missing or broken file fails the start.
 */
@ApplicationScoped
public class Treatments {

    static final String RESOURCE = "catalogues/treatments.csv";

    private final TreatmentCatalogue catalogue;

    Treatments() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            catalogue = TreatmentCatalogue.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TreatmentCatalogue catalogue() {
        return catalogue;
    }

    /** Every code must be in the catalogue, else 422 naming each unknown one ({@code <field>[i]}). */
    public void requireKnown(String field, List<String> codes) {
        List<Violation> unknown = new ArrayList<>();
        for (int i = 0; codes != null && i < codes.size(); i++) {
            if (!catalogue.knows(codes.get(i))) {
                unknown.add(new Violation(field + "[" + i + "]", "is not a code of the treatment catalogue"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException.Unprocessable("Unknown treatment code", unknown);
        }
    }
}
