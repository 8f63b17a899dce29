package io.consilium.document.api;

import io.consilium.platform.problem.ProblemType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The headers of a tus PATCH: what is accepted, and the problem each bad header answers. */
class TusAppendRequestTest {

    private static final String ID = UUID.randomUUID().toString();

    private static Map<String, String> headers() {
        Map<String, String> headers = new HashMap<>();
        headers.put("Tus-Resumable", "1.0.0");
        headers.put("Content-Type", "application/offset+octet-stream");
        headers.put("Upload-Offset", "1024");
        headers.put("Content-Length", "2048");
        return headers;
    }

    private static TusAppendRequest parse(Map<String, String> headers) {
        return TusAppendRequest.parse(ID, headers::get);
    }

    private static void refused(Map<String, String> headers, ProblemType type, String detail) {
        assertThatThrownBy(() -> parse(headers))
                .isInstanceOf(TusAppendRequest.Refused.class)
                .hasMessageContaining(detail)
                .satisfies(e -> assertThat(((TusAppendRequest.Refused) e).type()).isEqualTo(type));
    }

    @Test
    void aWellFormedAppend() {
        TusAppendRequest request = parse(headers());
        assertThat(request.uploadId()).isEqualTo(UUID.fromString(ID));
        assertThat(request.offset()).isEqualTo(1024);
        assertThat(request.contentLength()).isEqualTo(2048);
    }

    @Test
    void aChunkedBodyHasNoContentLengthAndTusResumableMayBeLeftOut() {
        Map<String, String> headers = headers();
        headers.remove("Content-Length");
        headers.remove("Tus-Resumable");
        headers.put("Content-Type", " Application/Offset+Octet-Stream; charset=binary ");
        headers.put("Upload-Offset", " 0 ");
        TusAppendRequest request = parse(headers);
        assertThat(request.contentLength()).isNull();
        assertThat(request.offset()).isZero();
    }

    @Test
    void anUploadIdThatIsNotAUuidIsNotFound() {
        assertThatThrownBy(() -> TusAppendRequest.parse("../etc", headers()::get))
                .isInstanceOf(TusAppendRequest.Refused.class)
                .hasMessage("Upload ../etc not found")
                .satisfies(e -> assertThat(((TusAppendRequest.Refused) e).type()).isEqualTo(ProblemType.NOT_FOUND));
    }

    @Test
    void anotherTusVersionFailsThePrecondition() {
        Map<String, String> headers = headers();
        headers.put("Tus-Resumable", "0.2.2");
        refused(headers, ProblemType.PRECONDITION_FAILED, "Only tus " + UploadResource.TUS_VERSION);
    }

    @Test
    void theBodyMustBeOffsetOctets() {
        Map<String, String> headers = headers();
        headers.put("Content-Type", "application/octet-stream");
        refused(headers, ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content-Type application/offset+octet-stream");
        headers.remove("Content-Type");
        refused(headers, ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content-Type application/offset+octet-stream");
    }

    @Test
    void offsetAndLengthMustBeNonNegativeNumbers() {
        for (String offset : new String[]{null, "", "ten", "-1", "1.5", "99999999999999999999"}) {
            Map<String, String> headers = headers();
            headers.put("Upload-Offset", offset);
            refused(headers, ProblemType.INVALID_REQUEST, "must be non-negative numbers");
        }
        for (String length : new String[]{"", "-5", "0x10"}) {
            Map<String, String> headers = headers();
            headers.put("Content-Length", length);
            refused(headers, ProblemType.INVALID_REQUEST, "must be non-negative numbers");
        }
    }
}
