package io.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A person's mailbox on the suite's mail server (GreenMail, which notification-service sends to over SMTP), read
 * through GreenMail's own REST API. A story notes what the mailbox held when it began and looks only at what came
 * after, so it can run again against the same suite.
 */
public final class Mailbox {

    public static final String GREENMAIL_API = System.getProperty("e2e.greenmail", "http://127.0.0.1:8186");

    /** One message as the server holds it: its subject and its whole MIME source. */
    public record Mail(String messageId, String subject, String source) {
    }

    private final String address;
    private final int before;

    private Mailbox(String address) {
        this.address = address;
        this.before = all().size();
    }

    /** The mailbox of {@code address}, counting from now. */
    public static Mailbox of(String address) {
        return new Mailbox(address);
    }

    public String address() {
        return address;
    }

    /** The messages that came since this mailbox was opened, oldest first. */
    public List<Mail> arrived() {
        List<Mail> mails = all();
        return mails.subList(Math.min(before, mails.size()), mails.size());
    }

    private List<Mail> all() {
        Reply reply = Caller.nobody().get(GREENMAIL_API + "/api/user/" + address + "/messages/INBOX");
        List<Mail> mails = new ArrayList<>();
        if (reply.status() == 404 || reply.status() == 400) {
            return mails; // no mail yet: GreenMail knows the address once something was delivered to it
        }
        for (JsonNode m : reply.json(200)) {
            mails.add(new Mail(m.path("Message-ID").asText(m.path("messageId").asText()), m.path("subject").asText(),
                    m.path("mimeMessage").asText()));
        }
        return mails;
    }
}
