package io.consilium.notification.push;

import org.jboss.logging.Logger;

/**
 * The default sender where no provider is configured (locally, demos): logs that a push would go, with the token's
 * last characters only (a token addresses a person's device) and no text (it names a case).
 */
public class LoggingPushSender implements PushSender {

    private static final Logger LOG = Logger.getLogger(LoggingPushSender.class);

    @Override
    public PushResult send(PushMessage message) {
        String token = message.token();
        LOG.infof("Push (logged, not sent) to device ...%s: %s", token.substring(Math.max(0, token.length() - 6)),
                message.data());
        return PushResult.sent();
    }
}
