package dev.paperstream.notes.notify;

/** One of a team's channels: a Slack-compatible webhook, a signed generic webhook or an e-mail address. */
public record Channel(String kind, String target, String secret) {
    public static final String SLACK = "slack";
    public static final String WEBHOOK = "webhook";
    public static final String EMAIL = "email";
}
