package io.consilium.document.service;

import io.consilium.document.config.UploadConfig;
import io.consilium.document.domain.AllowedType;
import io.consilium.document.domain.UploadRefused;
import io.consilium.platform.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which types may be uploaded and how large each may be ({@code consilium.document.upload.max-size.<short name>}).
 * The declared type's limit is enforced when the upload is created and on every append; the sniffed type's
 * limit again at completion.
 */
@ApplicationScoped
public class ContentPolicy {

    private static final String RENAMED = "consilium.document.max-size.";
    static final long DEFAULT_LIMIT = 100L * 1024 * 1024;

    private final Map<AllowedType, Long> limits = new EnumMap<>(AllowedType.class);

    @Inject
    ContentPolicy(UploadConfig config, Config all) {
        this(config.maxSize());
        for (String name : all.getPropertyNames()) {
            if (name.startsWith(RENAMED)) {
                // the old keys would be ignored and the type held to its default limit: refuse to start instead
                throw new IllegalStateException(name + " was renamed to consilium.document.upload.max-size."
                        + name.substring(RENAMED.length()));
            }
        }
    }

    ContentPolicy(Map<String, MemorySize> configured) {
        for (String name : configured.keySet()) {
            if (Arrays.stream(AllowedType.values()).noneMatch(t -> t.shortName().equals(name))) {
                // a typo would otherwise leave the type at the default limit without a word
                throw new IllegalStateException("consilium.document.upload.max-size." + name + " names no accepted type; "
                        + "the types are " + Arrays.stream(AllowedType.values()).map(AllowedType::shortName).toList());
            }
        }
        for (AllowedType type : AllowedType.values()) {
            MemorySize limit = configured.get(type.shortName());
            limits.put(type, limit == null ? DEFAULT_LIMIT : limit.asLongValue());
        }
    }

    public long limit(AllowedType type) {
        return limits.get(type);
    }

    /** The largest upload any allowed type may have: the bound for uploads that declare no type. */
    public long largestLimit() {
        return limits.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /**
     * The limit for a declared type; refuses disallowed types. An upload that declares no type is held to the
     * largest limit of the document and photo types (PDF, JPEG, PNG, TIFF): imaging studies of gigabytes must
     * say what they are, so an undeclared upload cannot fill the disk up to the zip limit before its bytes are
     * sniffed at completion.
     */
    public long limitForDeclared(String declaredType) {
        if (declaredType == null) {
            return undeclaredLimit();
        }
        return limit(allowedOrRefuse(declaredType));
    }

    public long undeclaredLimit() {
        return limits.entrySet().stream().filter(e -> !e.getKey().imaging()).mapToLong(Map.Entry::getValue)
                .max().orElse(0);
    }

    public AllowedType allowedOrRefuse(String mediaType) {
        Optional<AllowedType> type = AllowedType.of(mediaType);
        return type.orElseThrow(() -> new UploadRefused(ProblemType.UNSUPPORTED_MEDIA_TYPE, "TYPE_NOT_ALLOWED",
                "Files of this type are not accepted; allowed: PDF, JPEG, PNG, TIFF, DICOM and zipped DICOM studies"));
    }

    public void checkSize(long size, long limit) {
        if (size > limit) {
            throw new UploadRefused(ProblemType.PAYLOAD_TOO_LARGE, "TOO_LARGE",
                    "The file may not exceed " + limit + " bytes for its type");
        }
    }
}
