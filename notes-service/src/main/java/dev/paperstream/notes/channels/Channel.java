package dev.paperstream.notes.channels;

import dev.paperstream.support.auth.Secrets;

/**
 * One of a team's channels: a Slack-compatible webhook, a signed generic webhook or an e-mail address. HTTP
 * channels get a generated signing secret ({@link WebhookSignature#newSecret()}).
 */
public record Channel(String kind, String target, String secret) {
    public static final String SLACK = "slack";
    public static final String WEBHOOK = "webhook";
    public static final String EMAIL = "email";

    /** Names the channel in URLs and forms without repeating its target, which is a credential. */
    public String id() {
        return Secrets.sha256Hex(kind + "\n" + target);
    }

    /** Whether it is posted to over HTTP, and so signed. */
    public boolean signed() {
        return SLACK.equals(kind) || WEBHOOK.equals(kind);
    }
}
