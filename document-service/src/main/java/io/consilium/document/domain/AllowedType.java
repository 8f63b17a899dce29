package io.consilium.document.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The content types document-service accepts, with the short name their size limit is configured under. */
public enum AllowedType {
    PDF("application/pdf", "pdf", "pdf"),
    JPEG("image/jpeg", "jpeg", "jpg", "jpeg"),
    PNG("image/png", "png", "png"),
    TIFF("image/tiff", "tiff", "tif", "tiff"),
    DICOM("application/dicom", "dicom", "dcm", "dicom"),
    ZIP("application/zip", "zip", "zip");

    private static final Map<String, String> ALIASES = Map.of(
            "image/jpg", "image/jpeg",
            "image/pjpeg", "image/jpeg",
            "application/x-zip-compressed", "application/zip",
            "application/x-pdf", "application/pdf");

    private final String mediaType;
    private final String shortName;
    private final List<String> extensions;

    AllowedType(String mediaType, String shortName, String... extensions) {
        this.mediaType = mediaType;
        this.shortName = shortName;
        this.extensions = List.of(extensions);
    }

    /** File name extensions of this type, lower case, the usual one first. */
    public List<String> extensions() {
        return extensions;
    }

    public String mediaType() {
        return mediaType;
    }

    public String shortName() {
        return shortName;
    }

    /** DICOM files and zipped studies: the types that may be gigabytes. */
    public boolean imaging() {
        return this == DICOM || this == ZIP;
    }

    /** The allowed type a media type names (parameters and case ignored, common aliases mapped). */
    public static Optional<AllowedType> of(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String bare = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        String canonical = ALIASES.getOrDefault(bare, bare);
        return Arrays.stream(values()).filter(t -> t.mediaType.equals(canonical)).findFirst();
    }
}
