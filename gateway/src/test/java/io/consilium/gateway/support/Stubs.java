package io.consilium.gateway.support;

import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The tests' side of {@link UpstreamStubs}: its counters, read over HTTP from a service's stub. */
public final class Stubs {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private Stubs() {
    }

    public static String url(String service) {
        return ConfigProvider.getConfig().getValue("consilium.gateway.services." + service + ".url", String.class);
    }

    /** Requests that arrived with {@code X-Stub-Counter: counter}. */
    public static long count(String service, String counter) {
        return read(service, "count/" + counter);
    }

    /** Of those, the ones whose body arrived to its end. */
    public static long completed(String service, String counter) {
        return read(service, "completed/" + counter);
    }

    /** Body bytes received so far under the counter. */
    public static long received(String service, String counter) {
        return read(service, "received/" + counter);
    }

    /** Lets a held download send its second half; 1 when one was waiting. */
    public static long release(String service, String counter) {
        return read(service, "release/" + counter);
    }

    private static long read(String service, String what) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url(service) + "/__stub/" + what))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return Long.parseLong(response.body().trim());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
