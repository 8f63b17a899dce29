package io.consilium.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The probe's view of an answer, and a request written on a socket for bodies the service refuses before reading
 * them (it answers 413 and closes the connection, which a normal client may report as a broken pipe).
 */
final class ProbeHttp {

    private ProbeHttp() {
    }

    record Answer(int status, String contentType, String body) {

        static Answer of(io.restassured.response.Response response) {
            return new Answer(response.statusCode(), response.contentType(), response.asString());
        }

        boolean problem() {
            return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
        }

        /** The {@code field} of each violation of a problem body. */
        List<String> violationFields() {
            List<String> fields = new ArrayList<>();
            try {
                JsonNode tree = OpenApiOperations.JSON.readTree(body);
                tree.path("violations").forEach(v -> fields.add(v.path("field").asText()));
            } catch (IOException e) {
                // not JSON: no violations
            }
            return fields;
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    static Answer send(int port, String method, String target, String token, java.util.Map<String, String> headers,
                       String mediaType, byte[] body) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            String head = method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                    + headers.entrySet().stream().map(h -> h.getKey() + ": " + h.getValue() + "\r\n")
                    .collect(java.util.stream.Collectors.joining())
                    + "Content-Type: " + mediaType + "\r\nContent-Length: " + body.length + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // refused before the body was read: the answer is already there
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // closed: what arrived is the answer
            }
            return parse(answer.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach the service on port " + port, e);
        }
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            return new Answer(0, null, "no HTTP answer: " + (text.length() > 100 ? text.substring(0, 100) : text));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        String contentType = null;
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(13).trim();
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        String body = text.substring(end + 4);
        if (chunked) {
            StringBuilder joined = new StringBuilder();
            String rest = body;
            while (true) {
                int lineEnd = rest.indexOf("\r\n");
                if (lineEnd < 0) {
                    break;
                }
                int size = Integer.parseInt(rest.substring(0, lineEnd).split(";")[0].trim(), 16);
                if (size == 0 || rest.length() < lineEnd + 2 + size) {
                    break;
                }
                joined.append(rest, lineEnd + 2, lineEnd + 2 + size);
                rest = rest.substring(lineEnd + 2 + size + 2);
            }
            body = joined.toString();
        }
        return new Answer(status, contentType, body);
    }
}
