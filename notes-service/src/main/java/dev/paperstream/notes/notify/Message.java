package dev.paperstream.notes.notify;

/** One message in each channel's form: e-mail subject and text, Slack JSON, generic webhook JSON. */
public record Message(String subject, String text, String slackJson, String webhookJson) {
}
