package io.consilium.platform.http;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;

/**
 * Recognises a request that failed because the client went away (closed or reset its connection while sending
 * the body). That is the client's doing, not a server error: it is logged briefly and counted, never reported as
 * an unexpected error with a stack trace.
 */
public final class ClientAborts {

    /** Counter of requests whose client closed the connection before the request was read. */
    public static final String METRIC = "consilium.http.client.aborts";

    private ClientAborts() {
    }

    public static boolean isClientAbort(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClosedChannelException) {
                return true;
            }
            String type = t.getClass().getName();
            if (type.equals("io.vertx.core.http.HttpClosedException")) {
                return true;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if ((type.equals("io.vertx.core.VertxException") || t instanceof IOException)
                    && (message.contains("connection was closed") || message.contains("connection reset")
                    || message.contains("broken pipe"))) {
                return true;
            }
        }
        return false;
    }
}
