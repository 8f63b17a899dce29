package io.consilium.document.storage;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A real S3 API server for tests. With {@code CONSILIUM_TEST_S3_ENDPOINT} set, that store is used
 * ({@code CONSILIUM_TEST_S3_REGION}, {@code _BUCKET}, {@code _ACCESS_KEY}, {@code _SECRET_KEY}; the bucket is
 * created when missing). Otherwise s3proxy (copied to {@code target/s3proxy/s3proxy.jar} by the build) runs as
 * its own process with its in-memory blob store, so its jclouds and Jetty never meet Quarkus' classpath.
 */
final class S3Peer implements AutoCloseable {

    private static final Path JAR = Path.of("target/s3proxy/s3proxy.jar");

    final URI endpoint;
    final String region;
    final String bucket;
    final S3Client client;
    final StaticCredentialsProvider credentials;
    private final Process process;

    private S3Peer(URI endpoint, String region, String bucket, String accessKey, String secretKey, Process process) {
        this.endpoint = endpoint;
        this.region = region;
        this.bucket = bucket;
        this.process = process;
        this.credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
        this.client = S3DocumentStore.client(endpoint, region, true, credentials);
    }

    static boolean available() {
        return System.getenv("CONSILIUM_TEST_S3_ENDPOINT") != null || Files.isRegularFile(JAR);
    }

    static S3Peer start() throws IOException, InterruptedException {
        String external = System.getenv("CONSILIUM_TEST_S3_ENDPOINT");
        S3Peer peer = external != null
                ? new S3Peer(URI.create(external), env("CONSILIUM_TEST_S3_REGION", "us-east-1"),
                        env("CONSILIUM_TEST_S3_BUCKET", "consilium-test-" + UUID.randomUUID()),
                        env("CONSILIUM_TEST_S3_ACCESS_KEY", ""), env("CONSILIUM_TEST_S3_SECRET_KEY", ""), null)
                : s3proxy();
        try {
            peer.client.headBucket(b -> b.bucket(peer.bucket));
        } catch (software.amazon.awssdk.services.s3.model.NoSuchBucketException e) {
            peer.client.createBucket(b -> b.bucket(peer.bucket));
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            peer.client.createBucket(b -> b.bucket(peer.bucket));
        }
        return peer;
    }

    private static S3Peer s3proxy() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dir = JAR.getParent();
        Path properties = dir.resolve("s3proxy-" + port + ".properties");
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=" + endpoint,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=consilium",
                "s3proxy.credential=consilium-secret",
                "jclouds.provider=transient",
                "jclouds.identity=consilium",
                "jclouds.credential=consilium-secret", ""));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toString(), "--properties", properties.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("s3proxy-" + port + ".log").toFile())
                .start();
        try {
            awaitListening(endpoint, process);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        return new S3Peer(endpoint, "us-east-1", "consilium-test", "consilium", "consilium-secret", process);
    }

    private static void awaitListening(URI endpoint, Process process) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("s3proxy exited with " + process.exitValue() + "; see target/s3proxy/*.log");
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(2000);
                connection.getResponseCode();
                connection.disconnect();
                return;
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("s3proxy did not answer within 90 s", notYet);
                }
                Thread.sleep(200);
            }
        }
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    @Override
    public void close() {
        client.close();
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
