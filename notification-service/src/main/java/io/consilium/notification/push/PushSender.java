package io.consilium.notification.push;

/** Hands one push message to a provider (FCM) or, by default, to the log. Blocking; never throws for a refusal. */
public interface PushSender {

    PushResult send(PushMessage message);
}
