package io.consilium.document.support;

import io.restassured.response.ValidatableResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;

/** A minimal tus 1.0 client over REST Assured: create, HEAD, PATCH. */
public final class Tus {

    public static final String OFFSET_OCTETS = "application/offset+octet-stream";

    private Tus() {
    }

    public static Map<String, String> metadata(String filename, String contentType) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("filename", filename);
        if (contentType != null) {
            metadata.put("contentType", contentType);
        }
        return metadata;
    }

    public static String header(Map<String, String> metadata) {
        return metadata.entrySet().stream()
                .map(e -> e.getKey() + " " + Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8)))
                .collect(Collectors.joining(","));
    }

    public static ValidatableResponse create(String token, String caseId, long length, Map<String, String> metadata) {
        return given().auth().oauth2(token)
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", Long.toString(length))
                .header("Upload-Metadata", header(metadata))
                .when().post("/api/v1/cases/{caseId}/uploads", caseId)
                .then();
    }

    /** Creates the upload and returns its path ({@code /api/v1/uploads/<id>}). */
    public static String created(String token, String caseId, long length, Map<String, String> metadata) {
        String location = create(token, caseId, length, metadata).statusCode(201).extract().header("Location");
        return location.substring(location.indexOf("/api/v1/uploads/"));
    }

    public static ValidatableResponse patch(String token, String upload, long offset, byte[] bytes) {
        return given().auth().oauth2(token)
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Offset", Long.toString(offset))
                .contentType(OFFSET_OCTETS)
                .body(bytes)
                .when().patch(upload)
                .then();
    }

    public static long offset(String token, String upload) {
        return Long.parseLong(given().auth().oauth2(token).when().head(upload)
                .then().statusCode(200).extract().header("Upload-Offset"));
    }

    /** Creates and sends the whole file in one PATCH; returns the final PATCH's response. */
    public static ValidatableResponse upload(String token, String caseId, byte[] bytes, Map<String, String> metadata) {
        String upload = created(token, caseId, bytes.length, metadata);
        return patch(token, upload, 0, bytes);
    }

    /** Uploads and returns the new document's id (fails unless the upload completes). */
    public static String document(String token, String caseId, byte[] bytes, Map<String, String> metadata) {
        return upload(token, caseId, bytes, metadata).statusCode(204).extract().header("Document-Id");
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
