package io.consilium.document.storage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link S3DocumentStore} against a real S3 API server ({@link S3Peer}: s3proxy in its own process, or the
 * store named by {@code CONSILIUM_TEST_S3_ENDPOINT}). Plain JUnit: no Quarkus start.
 */
class S3DocumentStoreTest {

    private static final int PART = 5 * 1024 * 1024;

    private static S3Peer peer;

    @TempDir
    Path uploads;

    @BeforeAll
    static void startPeer() throws Exception {
        Assumptions.assumeTrue(S3Peer.available(), "no S3 endpoint: target/s3proxy/s3proxy.jar missing and "
                + "CONSILIUM_TEST_S3_ENDPOINT not set");
        peer = S3Peer.start();
    }

    @AfterAll
    static void stopPeer() {
        if (peer != null) {
            peer.close();
        }
    }

    private S3DocumentStore store() {
        // The client belongs to the peer; the store only borrows it (never closed here).
        return new S3DocumentStore(peer.client, peer.bucket, PART, uploads);
    }

    @Test
    void fileOfSeveralPartsIsReadBackWholeAndByRange() throws Exception {
        byte[] content = randomBytes(2 * PART + 123_457);
        String sha256 = sha256(content);
        Path part = part(content);
        S3DocumentStore store = store();

        store.put(part, sha256);

        assertThat(part).doesNotExist();
        assertThat(store.exists(sha256)).isTrue();
        assertThat(store.size(sha256)).isEqualTo(content.length);
        assertThat(objectsUnder(sha256)).extracting(S3Object::key)
                .containsExactly("sha256/" + sha256.substring(0, 2) + "/" + sha256);
        assertThat(store.localFile(sha256)).isEmpty();
        assertThat(peer.client.headObject(b -> b.bucket(peer.bucket).key(S3DocumentStore.key(sha256))).eTag())
                .as("the ETag of a completed multipart upload ends with its number of parts").endsWith("-3\"");
        try (InputStream in = store.open(sha256, 0)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        int first = PART - 1000;
        int length = 5000;
        try (InputStream in = store.open(sha256, first, length)) {
            assertThat(in.readAllBytes()).as("a range across the first part boundary")
                    .isEqualTo(Arrays.copyOfRange(content, first, first + length));
        }
        try (InputStream in = store.open(sha256, content.length - 10L)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, content.length - 10, content.length));
        }
    }

    @Test
    void aLostPartAbortsTheUploadAndStoresNothing() throws Exception {
        // The same client as the store's, but part 2 of every upload fails while parts 1 and 3 are in flight.
        ExecutionInterceptor losePartTwo = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof UploadPartRequest part && part.partNumber() == 2) {
                    throw SdkClientException.create("part 2 lost on the way");
                }
            }
        };
        byte[] content = randomBytes(3 * PART + 17);
        String sha256 = sha256(content);
        Path part = part(content);
        try (S3Client failing = S3DocumentStore.builder(peer.endpoint, peer.region, true, peer.credentials)
                .overrideConfiguration(o -> o.addExecutionInterceptor(losePartTwo))
                .build()) {
            S3DocumentStore store = new S3DocumentStore(failing, peer.bucket, PART, uploads);

            assertThatThrownBy(() -> store.put(part, sha256)).isInstanceOf(IOException.class)
                    .hasRootCauseMessage("part 2 lost on the way");

            assertThat(store.exists(sha256)).isFalse();
            assertThat(objectsUnder(sha256)).isEmpty();
            assertThat(peer.client.listMultipartUploads(b -> b.bucket(peer.bucket).prefix(S3DocumentStore.key(sha256)))
                    .uploads()).as("the multipart upload is aborted, its parts are not kept").isEmpty();
            assertThat(part).as("the checked file stays for another try").exists();
        }
    }

    @Test
    void smallFileIsStoredInOneRequest() throws Exception {
        byte[] content = randomBytes(1024);
        String sha256 = sha256(content);
        S3DocumentStore store = store();

        store.put(part(content), sha256);

        try (InputStream in = store.open(sha256, 1000, 24)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, 1000, 1024));
        }
    }

    @Test
    void sameContentStoredTwiceKeepsOneObject() throws Exception {
        byte[] content = randomBytes(PART + 1);
        String sha256 = sha256(content);
        S3DocumentStore store = store();
        store.put(part(content), sha256);
        var firstEtag = peer.client.headObject(b -> b.bucket(peer.bucket).key(S3DocumentStore.key(sha256))).eTag();

        Path again = part(content);
        store.put(again, sha256);

        assertThat(again).as("the second part is discarded").doesNotExist();
        assertThat(objectsUnder(sha256)).hasSize(1);
        assertThat(peer.client.headObject(b -> b.bucket(peer.bucket).key(S3DocumentStore.key(sha256))).eTag())
                .as("not uploaded again").isEqualTo(firstEtag);
        try (InputStream in = store.open(sha256, 0)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void missingObjectIsNotFound() {
        String sha256 = sha256(randomBytes(16));
        S3DocumentStore store = store();

        assertThat(store.exists(sha256)).isFalse();
        assertThatThrownBy(() -> store.size(sha256)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> store.open(sha256, 0)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> store.open(sha256, 10, 10)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void keysAreOnlyHashes() {
        S3DocumentStore store = store();

        assertThatThrownBy(() -> store.exists("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    private List<S3Object> objectsUnder(String sha256) {
        return peer.client.listObjectsV2(b -> b.bucket(peer.bucket).prefix("sha256/" + sha256.substring(0, 2) + "/"))
                .contents().stream().filter(o -> o.key().endsWith(sha256)).toList();
    }

    private Path part(byte[] content) throws IOException {
        return Files.write(Files.createTempFile(uploads, "upload", ".part"), content);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random().nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
