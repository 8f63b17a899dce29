package io.consilium.notification.webhook;

/**
 * What one attempt got: the HTTP status (null when no answer came), the first bytes of the answer, the time it
 * took and, for a failure without an answer, why.
 */
public record WebhookResponse(Integer status, String head, long latencyMillis, String error) {

    public boolean succeeded() {
        return status != null && status >= 200 && status < 300;
    }

    /** Why the attempt counts as failed, for the delivery's last error. */
    public String failure() {
        if (status == null) {
            return error;
        }
        if (status >= 300 && status < 400) {
            return "HTTP " + status + ": redirects are not followed";
        }
        return "HTTP " + status;
    }
}
