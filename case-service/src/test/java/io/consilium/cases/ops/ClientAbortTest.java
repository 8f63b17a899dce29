package io.consilium.cases.ops;

import io.consilium.platform.http.ClientAborts;
import io.consilium.platform.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** A client that hangs up in the middle of its request body is counted, not reported as a server error. */
@QuarkusTest
class ClientAbortTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    MeterRegistry registry;

    @Test
    void aClientClosingMidBodyIsCounted() throws Exception {
        double before = aborts();
        String token = Tokens.partner("t-abort");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/cases HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{\"memberId\":\"M-1\",")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(200); // the request reaches the application before the connection goes
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> aborts() > before);
    }

    private double aborts() {
        var counter = registry.find(ClientAborts.METRIC).counter();
        return counter == null ? 0 : counter.count();
    }
}
