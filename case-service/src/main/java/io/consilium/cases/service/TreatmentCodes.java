package io.consilium.cases.service;

import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The codes of the shared treatment catalogue ({@code catalogues/treatments.csv}, packaged by case-service/pom.xml):
 * case-service needs only whether a code exists; specialist-service owns the full reading of the file.
 */
@ApplicationScoped
public class TreatmentCodes {

    static final String RESOURCE = "catalogues/treatments.csv";

    private final Set<String> codes;

    TreatmentCodes() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            codes = lines.stream().skip(1).map(String::strip).filter(l -> !l.isEmpty())
                    .map(l -> l.substring(0, l.indexOf(','))).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean knows(String code) {
        return codes.contains(code);
    }

    /** Null passes (no code given); an unknown code is 422 naming {@code treatmentCode}. */
    public void requireKnown(String code) {
        if (code != null && !knows(code)) {
            throw new ProblemException.Unprocessable("Unknown treatment code",
                    List.of(new Violation("treatmentCode", "is not a code of the treatment catalogue")));
        }
    }
}
